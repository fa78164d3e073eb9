package ai.poly.data.bench;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import javax.net.ServerSocketFactory;
import okhttp3.HttpUrl;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okio.Buffer;

/**
 * The loopback server every end-to-end benchmark calls: a MockWebServer (HTTP/1.1, keep-alive)
 * answering from bodies prepared in memory, so that it does the same small work for every client.
 * It serves any conversation id with one detail body, the listing in pages of a fixed total, and a
 * recording of a given size, to requests that carry the API key.
 */
public final class BenchServer implements Closeable {
  private final MockWebServer server = new MockWebServer();
  private final Buffer detail;
  private final int total;
  private final Buffer audio;
  private final Map<String, Buffer> pages = new ConcurrentHashMap<>();

  private BenchServer(byte[] detail, int total, long audioBytes) {
    this.detail = new Buffer().write(detail);
    this.total = total;
    this.audio = silence(audioBytes);
    server.setServerSocketFactory(new NoDelayServerSocketFactory());
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            return answer(request);
          }
        });
  }

  /**
   * Starts a server: the detail body, {@code total} conversations to list, and a recording of
   * {@code audioBytes}.
   */
  public static BenchServer start(byte[] detail, int total, long audioBytes) {
    BenchServer bench = new BenchServer(detail, total, audioBytes);
    try {
      bench.server.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bench;
  }

  public String url() {
    return server.url("/").toString();
  }

  /** Forgets the requests MockWebServer records, which would otherwise pile up in a long run. */
  public void forgetRequests() {
    try {
      while (server.takeRequest(0, TimeUnit.MILLISECONDS) != null) {
        // Dropped.
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private MockResponse answer(RecordedRequest request) {
    HttpUrl url = request.getRequestUrl();
    if (!Payloads.API_KEY.equals(request.getHeader("X-API-KEY"))) {
      return new MockResponse().setResponseCode(401);
    }
    List<String> path = url.pathSegments();
    if (path.size() < 4 || !path.get(1).equals("agents") || !path.get(3).equals("conversations")) {
      return new MockResponse().setResponseCode(404);
    }
    if (path.size() == 4) {
      int limit = intParameter(url, "limit", 50);
      int offset = intParameter(url, "offset", 0);
      Buffer page =
          pages.computeIfAbsent(
              offset + "/" + limit, key -> new Buffer().write(Payloads.page(offset, limit, total)));
      return json(page);
    }
    if (path.size() == 6 && path.get(5).equals("audio")) {
      return new MockResponse().setHeader("Content-Type", "audio/wav").setBody(audio.clone());
    }
    return json(detail);
  }

  private static int intParameter(HttpUrl url, String name, int defaultValue) {
    String value = url.queryParameter(name);
    return value == null ? defaultValue : Integer.parseInt(value);
  }

  private static MockResponse json(Buffer body) {
    return new MockResponse()
        .setHeader("Content-Type", "application/json; charset=utf-8")
        .setBody(body.clone());
  }

  /**
   * A body of {@code size} zero bytes whose segments all share one 8 KiB array (Okio shares
   * segments when it copies buffers), so that a 256 MB recording costs the server about 1.5 MB.
   */
  private static Buffer silence(long size) {
    Buffer chunk = new Buffer().write(new byte[8192]);
    Buffer body = new Buffer();
    for (long remaining = size; remaining > 0; remaining -= 8192) {
      chunk.copyTo(body, 0, Math.min(remaining, 8192));
    }
    return body;
  }

  /**
   * Sockets without Nagle's algorithm, as servers use for HTTP: MockWebServer writes a response's
   * headers and body separately, and Nagle would hold the body back until the client's delayed
   * ACK, 40 ms on Linux, for every response.
   */
  private static final class NoDelayServerSocketFactory extends ServerSocketFactory {
    @Override
    public ServerSocket createServerSocket() throws IOException {
      return new ServerSocket() {
        @Override
        public Socket accept() throws IOException {
          Socket socket = super.accept();
          socket.setTcpNoDelay(true);
          return socket;
        }
      };
    }

    @Override
    public ServerSocket createServerSocket(int port) {
      throw new UnsupportedOperationException();
    }

    @Override
    public ServerSocket createServerSocket(int port, int backlog) {
      throw new UnsupportedOperationException();
    }

    @Override
    public ServerSocket createServerSocket(int port, int backlog, InetAddress address) {
      throw new UnsupportedOperationException();
    }
  }

  @Override
  public void close() {
    try {
      server.shutdown();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
