package ai.poly.data.testing;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import org.junit.jupiter.api.Test;

final class NoDelayServerSocketsTest {
  @Test
  void acceptedConnectionsSendEachWriteAtOnce() throws IOException {
    try (ServerSocket server = new NoDelayServerSockets().createServerSocket()) {
      server.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
      try (Socket client = new Socket(server.getInetAddress(), server.getLocalPort());
          Socket accepted = server.accept()) {
        assertTrue(accepted.getTcpNoDelay());
        assertFalse(client.getTcpNoDelay(), "the JDK's default, which the fake changes");
      }
    }
  }

  @Test
  void boundServerSocketsAreNotMade() {
    assertThrows(
        UnsupportedOperationException.class,
        () -> new NoDelayServerSockets().createServerSocket(0));
  }
}
