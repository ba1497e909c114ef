package dev.backslide.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What this machine allows any client: the same N calls per side at latency L with c in flight per
 * side, made by the least a client can be (a blocking thread per connection, raw TCP, fixed-size
 * messages, no HTTP, no JSON, no scoring, no statistics) against the least a server can be ({@link
 * FloorServer}, in a JVM of its own). As in the benchmark's measured run, its threads and
 * connections are made inside the measured time, after a warm-up round.
 *
 * @param wallSeconds the measured round's wall time
 * @param idealSeconds N·L/c
 */
record Floor(double wallSeconds, double idealSeconds) {

  double ratio() {
    return wallSeconds / idealSeconds;
  }

  /**
   * Runs the probe: a warm-up round of a few calls per connection, then the measured round.
   *
   * @param items N, calls per side
   * @param latencyMillis L
   * @param concurrency c, connections per side
   * @param serverJvm the JVM options the server runs with
   */
  static Floor measure(int items, int latencyMillis, int concurrency, List<String> serverJvm) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(serverJvm);
    command.add("-cp");
    command.add(
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")));
    command.add(FloorServer.class.getName());
    command.add(Integer.toString(latencyMillis));
    Process server;
    try {
      server = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the floor server", e);
    }
    try (BufferedReader out =
        new BufferedReader(
            new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8))) {
      String line = out.readLine();
      if (line == null) {
        throw new IllegalStateException("the floor server did not start; see its output");
      }
      int port = Integer.parseInt(line.strip());
      round(port, Math.min(items, 4 * concurrency), concurrency); // warm-up
      long start = System.nanoTime();
      round(port, items, concurrency);
      double wall = (System.nanoTime() - start) / 1e9;
      return new Floor(wall, items * (latencyMillis / 1000.0) / concurrency);
    } catch (IOException e) {
      throw new UncheckedIOException("the floor probe failed", e);
    } finally {
      try {
        server.getOutputStream().close();
        if (!server.waitFor(10, TimeUnit.SECONDS)) {
          server.destroyForcibly();
        }
      } catch (IOException | InterruptedException e) {
        server.destroyForcibly();
      }
    }
  }

  /** Two sides of {@code items} calls each, {@code concurrency} connections per side. */
  private static void round(int port, int items, int concurrency) {
    List<Thread> threads = new ArrayList<>();
    List<Throwable> failures = new ArrayList<>();
    for (int side = 0; side < 2; side++) {
      AtomicInteger next = new AtomicInteger();
      for (int i = 0; i < concurrency; i++) {
        Thread t =
            new Thread(
                () -> {
                  try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
                    socket.setTcpNoDelay(true);
                    OutputStream out = socket.getOutputStream();
                    InputStream in = socket.getInputStream();
                    byte[] message = new byte[FloorServer.MESSAGE];
                    while (next.getAndIncrement() < items) {
                      out.write(message);
                      out.flush();
                      if (in.readNBytes(message, 0, message.length) != message.length) {
                        throw new IOException("the floor server closed the connection");
                      }
                    }
                  } catch (IOException e) {
                    synchronized (failures) {
                      failures.add(e);
                    }
                  }
                },
                "floor-client");
        threads.add(t);
        t.start();
      }
    }
    for (Thread t : threads) {
      try {
        t.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while probing the floor", e);
      }
    }
    if (!failures.isEmpty()) {
      throw new IllegalStateException(
          "the floor probe failed: " + failures.get(0), failures.get(0));
    }
  }
}
