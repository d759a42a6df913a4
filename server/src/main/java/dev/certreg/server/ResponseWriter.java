package dev.certreg.server;

import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Writes every response, error or not: status, JSON body, {@code x-amzn-RequestId}, {@code x-amzn-ErrorType} on
 * errors, and a {@code Date} from the server's clock, the clock signatures are checked against (the Java SDK
 * corrects its own clock from this header after a skew error). Thread-safe.
 */
final class ResponseWriter {
    private static final DateTimeFormatter HTTP_DATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

    private final Clock clock;
    /** The last second's Date header: formatting it anew for each response cost more than the rest of the headers. */
    private volatile DateHeader date = new DateHeader(Long.MIN_VALUE, "");

    ResponseWriter(Clock clock) {
        this.clock = clock;
    }

    void write(ApiResponse result, String requestId, Response response, Callback callback) {
        response.setStatus(result.status());
        response.getHeaders().put(HttpHeader.DATE, date());
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.getHeaders().put("x-amzn-RequestId", requestId);
        if (result.errorType() != null) {
            response.getHeaders().put("x-amzn-ErrorType", result.errorType());
        }
        response.write(true, ByteBuffer.wrap(Json.bytes(result.body())), callback);
    }

    private String date() {
        Instant now = clock.instant();
        DateHeader last = date;
        if (last.second() != now.getEpochSecond()) {
            last = new DateHeader(now.getEpochSecond(), HTTP_DATE.format(now));
            date = last;
        }
        return last.text();
    }

    private record DateHeader(long second, String text) {}
}
