package dev.certreg.server;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Serves the device endpoint's root CA, unsigned, at {@link #PATH}: certreg's stand-in for downloading Amazon Root
 * CA 1 (AWS IoT developer guide, "Server authentication"). The path is outside every IoT API route. Thread-safe.
 */
final class RootCaHandler extends Handler.Wrapper {
    static final String PATH = "/certreg/root-ca.pem";

    private final byte[] pem;

    RootCaHandler(Handler next, String pem) {
        super(next);
        this.pem = pem.getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        if (!PATH.equals(request.getHttpURI().getPath())) {
            return super.handle(request, response, callback);
        }
        String method = request.getMethod();
        if (!method.equals("GET") && !method.equals("HEAD")) {
            response.setStatus(405);
            response.getHeaders().put(HttpHeader.ALLOW, "GET, HEAD");
            response.write(true, ByteBuffer.allocate(0), callback);
            return true;
        }
        response.setStatus(200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/x-pem-file");
        response.write(true, ByteBuffer.wrap(pem), callback);
        return true;
    }
}
