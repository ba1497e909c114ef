package dev.backslide.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ScriptedEndpointsTests {
  /** The ports the tests' servers listened on, to check after every test that none still does. */
  private static final List<Integer> PORTS = new CopyOnWriteArrayList<>();

  @RegisterExtension final ScriptedEndpoints endpoints = new ScriptedEndpoints();

  @Test
  void eachServerStartsOnceOnFirstUseServingTheModelTheGateIsToldOf() throws IOException {
    var reference = endpoints.reference();
    var candidate = endpoints.candidate();
    assertThat(endpoints.reference()).isSameAs(reference);
    assertThat(endpoints.candidate()).isSameAs(candidate);
    assertThat(reference.modelId()).isEqualTo("ref-model");
    assertThat(candidate.modelId()).isEqualTo("cand-model");
    assertThat(reference.port()).isNotEqualTo(candidate.port());
    for (int port : List.of(reference.port(), candidate.port())) {
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
      }
      PORTS.add(port);
    }
  }

  @Test
  void aServerClosedByTheTestIsClosedAgainWithoutComplaint() {
    var reference = endpoints.reference();
    reference.close();
    PORTS.add(reference.port());
  }

  @AfterAll
  static void everyServerIsClosedAfterItsTest() {
    assertThat(PORTS).isNotEmpty();
    for (int port : PORTS) {
      assertThatThrownBy(
              () -> {
                try (Socket socket = new Socket()) {
                  socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
                }
              })
          .as("port %d", port)
          .isInstanceOf(ConnectException.class);
    }
  }
}
