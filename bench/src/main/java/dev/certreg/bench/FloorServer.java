package dev.certreg.bench;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * What the machine allows below certreg: Jetty 12 with certreg's connector settings, answering every request with one
 * ListCertificatesByCA page whose items are built once at start (in certreg's shape), with a {@code nextMarker} new to
 * each answer, so a paginator never reaches the end. Its handler is blocking, as certreg's API handler is, so Jetty
 * hands each request to a pool thread the same way. {@code bench/floors.py} measures against it: req/s and CPU per
 * request with wrk, the AWS SDK's own cost per page with certreg's paginator, and a JVM's time from spawn to a first
 * answer.
 *
 * <p>{@code floor-server --port P --items N}: serves until killed. Prints nothing; ready once it answers.
 */
final class FloorServer {
    private FloorServer() {}

    static void serve(int port, int items) throws Exception {
        byte[] certificates = certificates(items);
        AtomicLong served = new AtomicLong();
        QueuedThreadPool threads = new QueuedThreadPool(200, 4);
        Server jetty = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendDateHeader(false);
        ServerConnector connector = new ServerConnector(jetty, new HttpConnectionFactory(http));
        connector.setHost("127.0.0.1");
        connector.setPort(port);
        jetty.addConnector(connector);
        jetty.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                response.setStatus(200);
                response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
                response.write(true, ByteBuffer.wrap(page(certificates, served.incrementAndGet())), callback);
                return true;
            }
        });
        jetty.start();
        jetty.join();
    }

    /** The start of a page of {@code items} device certificates as certreg writes one, their ids made up. */
    static byte[] certificates(int items) {
        StringBuilder json = new StringBuilder("{\"certificates\":[");
        for (int i = 0; i < items; i++) {
            String id = String.format(Locale.ROOT, "%064x", i + 1);
            json.append(i == 0 ? "" : ",")
                    .append("{\"certificateArn\":\"arn:aws:iot:us-east-1:123456789012:cert/").append(id)
                    .append("\",\"certificateId\":\"").append(id)
                    .append("\",\"status\":\"ACTIVE\",\"certificateMode\":\"DEFAULT\",\"creationDate\":")
                    .append(String.format(Locale.ROOT, "1796514121.%03d", i % 1000)).append('}');
        }
        return json.append("],").toString().getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * The page: {@code certificates} and a next marker of certreg's length, made distinct by {@code serial}, as a
     * paginator refuses a marker it has followed before.
     */
    static byte[] page(byte[] certificates, long serial) {
        byte[] marker = String.format(Locale.ROOT,
                "\"nextMarker\":\"AQAAAaJIlgeGAsF+bqXo1LLW3DSta28WE2VQ74G/BIkoHr9O%020d\"}", serial)
                .getBytes(StandardCharsets.US_ASCII);
        byte[] page = Arrays.copyOf(certificates, certificates.length + marker.length);
        System.arraycopy(marker, 0, page, certificates.length, marker.length);
        return page;
    }
}
