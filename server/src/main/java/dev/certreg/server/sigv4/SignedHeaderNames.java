package dev.certreg.server.sigv4;

import dev.certreg.core.ServiceException;
import dev.certreg.server.RawRequest;
import java.util.List;
import java.util.Locale;

/**
 * Checks a {@code SignedHeaders} list: lower-case names in strictly ascending order with no empty name, covering
 * {@code host}, {@code x-amz-date} (header signatures) and {@code x-amz-content-sha256} when it is sent, each
 * present in the request. Thread-safe.
 */
final class SignedHeaderNames {
    private SignedHeaderNames() {}

    static List<String> parse(String value, RawRequest request, boolean presigned) {
        List<String> names = List.of(value.split(";", -1));
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            if (name.isEmpty() || !name.equals(name.toLowerCase(Locale.ROOT))
                    || (i > 0 && names.get(i - 1).compareTo(name) >= 0)) {
                throw AuthFailures.incomplete("SignedHeaders must be lower-case header names in strictly ascending"
                        + " order, separated by ';', got '" + ServiceException.abbreviate(value) + "'");
            }
        }
        require(names, "host", "'Host' must be a 'SignedHeader' in the AWS Authorization.");
        if (!presigned) {
            require(names, "x-amz-date", "'X-Amz-Date' must be a 'SignedHeader' in the AWS Authorization.");
        }
        if (request.headers().containsKey("x-amz-content-sha256")) {
            require(names, "x-amz-content-sha256", "'X-Amz-Content-Sha256' is sent, so it must be a 'SignedHeader'.");
        }
        for (String name : names) {
            if (!request.headers().containsKey(name)) {
                throw AuthFailures.incomplete("The signed header '" + ServiceException.abbreviate(name)
                        + "' is not in the request");
            }
        }
        return names;
    }

    private static void require(List<String> names, String name, String message) {
        if (!names.contains(name)) {
            throw AuthFailures.incomplete(message);
        }
    }
}
