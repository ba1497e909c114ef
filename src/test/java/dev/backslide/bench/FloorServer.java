package dev.backslide.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.locks.LockSupport;

/**
 * The floor probe's server ({@link Floor}): a thread per connection, raw TCP on 127.0.0.1, echoing
 * each fixed-size request after a fixed latency from its arrival (parked until shortly before,
 * spinning the rest). No HTTP, no JSON: as little as a server can do. Prints its port, then runs
 * until its standard input closes.
 *
 * <pre>
 * java -cp ... dev.backslide.bench.FloorServer LATENCY_MS
 * </pre>
 */
public final class FloorServer {
  /** Bytes in every request and every answer. */
  static final int MESSAGE = 64;

  private static final long SPIN_NANOS = 250_000;

  private FloorServer() {}

  public static void main(String[] args) throws IOException {
    long latency = Long.parseLong(args[0]) * 1_000_000L;
    ServerSocket listener = new ServerSocket(0, 1024, InetAddress.getLoopbackAddress());
    Thread acceptor =
        new Thread(
            () -> {
              while (true) {
                Socket socket;
                try {
                  socket = listener.accept();
                } catch (IOException closed) {
                  return;
                }
                Thread t = new Thread(() -> serve(socket, latency), "floor-connection");
                t.setDaemon(true);
                t.start();
              }
            },
            "floor-acceptor");
    acceptor.setDaemon(true);
    acceptor.start();
    System.out.println(listener.getLocalPort());
    System.out.flush();
    InputStream in = System.in;
    while (in.read() >= 0) {
      // runs until the probe closes our standard input
    }
    System.exit(0);
  }

  private static void serve(Socket socket, long latency) {
    try (socket) {
      socket.setTcpNoDelay(true);
      InputStream in = socket.getInputStream();
      OutputStream out = socket.getOutputStream();
      byte[] message = new byte[MESSAGE];
      while (in.readNBytes(message, 0, MESSAGE) == MESSAGE) {
        long due = System.nanoTime() + latency;
        for (long wait = due - System.nanoTime(); wait > SPIN_NANOS; ) {
          LockSupport.parkNanos(wait - SPIN_NANOS);
          wait = due - System.nanoTime();
        }
        while (System.nanoTime() < due) {
          Thread.onSpinWait();
        }
        out.write(message);
        out.flush();
      }
    } catch (IOException e) {
      // the probe closed the connection
    }
  }
}
