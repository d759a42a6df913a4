package dev.certreg.server;

import dev.certreg.core.ServiceException;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.thread.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a request body as its bytes arrive, holding no thread while it waits: each read that finds nothing asks
 * Jetty to call back when more comes ({@link Request#demand}). A slow client therefore costs a connection, not a
 * request thread, and the whole body must arrive within the body timeout, whatever the pace of single bytes.
 *
 * <p>An oversize body is read and dropped up to {@link #MAX_DRAINED_BYTES}, so that its 400 reaches a client that
 * is still sending; beyond that the connection closes. One instance per request.
 */
final class BodyReader implements Runnable {
    /** Larger than any valid request: two 64 KiB PEMs, a 10 KiB template, tags. */
    static final int MAX_BODY_BYTES = 256 * 1024;
    private static final long MAX_DRAINED_BYTES = 8L * 1024 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(BodyReader.class);

    private final Request request;
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();
    private long dropped;

    private BodyReader(Request request) {
        this.request = request;
    }

    /** The body, or a failure: a ServiceException for a client's mistake, else Jetty's exception. */
    @SuppressWarnings("FutureReturnValueIgnored") // cancelling the deadline cannot fail
    static CompletableFuture<byte[]> read(Request request, Duration timeout) {
        BodyReader reader = new BodyReader(request);
        Scheduler.Task deadline = request.getComponents().getScheduler().schedule(
                reader::expire, timeout.toMillis(), TimeUnit.MILLISECONDS);
        reader.result.whenComplete((b, f) -> deadline.cancel());
        reader.run();
        return reader.result;
    }

    @Override
    public void run() {
        while (!result.isDone()) {
            Content.Chunk chunk = request.read();
            if (chunk == null) {
                request.demand(this);
                return;
            }
            if (Content.Chunk.isFailure(chunk)) {
                result.completeExceptionally(unreadable(chunk.getFailure()));
                return;
            }
            take(chunk.getByteBuffer());
            boolean last = chunk.isLast();
            chunk.release();
            if (dropped > MAX_DRAINED_BYTES || (last && dropped > 0)) {
                result.completeExceptionally(ServiceException.invalidRequest(
                        "The request body is larger than " + MAX_BODY_BYTES + " bytes"));
            } else if (last) {
                result.complete(body.toByteArray());
            }
        }
    }

    private void take(ByteBuffer bytes) {
        int n = bytes.remaining();
        if (dropped == 0 && body.size() + n <= MAX_BODY_BYTES) {
            byte[] copy = new byte[n];
            bytes.get(copy);
            body.writeBytes(copy);
        } else {
            dropped += n;
        }
    }

    /**
     * A body that ends before its Content-Length, a FIN inside a chunk, a malformed chunk size: the client's
     * mistake, answered 400; the access log's line records it, and the cause is logged at debug, never as a trace.
     */
    private static ServiceException unreadable(Throwable failure) {
        LOG.debug("A request body could not be read: {}: {}", failure.getClass().getSimpleName(),
                failure.getMessage());
        return ServiceException.invalidRequest(
                "The request body could not be read: it ended early or its chunked framing is malformed");
    }

    private void expire() {
        result.completeExceptionally(ServiceException.invalidRequest(
                "The request body did not arrive in time; send it at once after the headers"));
    }
}
