package dev.certreg.server.sigv4;

import dev.certreg.core.ServiceException;
import dev.certreg.server.Authenticator;
import dev.certreg.server.RawRequest;

/** How an authenticator answered a request: ACCEPTED, or the wire name of the error it raised. */
final class Verdict {
    static final String ACCEPTED = "Accepted";

    private Verdict() {}

    static String of(Authenticator authenticator, RawRequest request) {
        try {
            authenticator.authenticate(request);
            return ACCEPTED;
        } catch (ServiceException e) {
            return e.errorCode().wireName();
        }
    }

    /** The HTTP status the answer would have: 200 if accepted. */
    static int status(Authenticator authenticator, RawRequest request) {
        try {
            authenticator.authenticate(request);
            return 200;
        } catch (ServiceException e) {
            return e.errorCode().httpStatus();
        }
    }
}
