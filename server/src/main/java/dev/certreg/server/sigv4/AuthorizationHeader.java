package dev.certreg.server.sigv4;

import dev.certreg.core.ServiceException;
import dev.certreg.server.RawRequest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parses {@code Authorization: AWS4-HMAC-SHA256 Credential=…, SignedHeaders=…, Signature=…} and the
 * {@code X-Amz-Date} header that goes with it ({@code Date} is no substitute). Thread-safe.
 */
final class AuthorizationHeader {
    private static final String CREDENTIAL = "Credential";
    private static final String SIGNED_HEADERS = "SignedHeaders";
    private static final String SIGNATURE = "Signature";
    private static final Set<String> PARAMETERS = Set.of(CREDENTIAL, SIGNED_HEADERS, SIGNATURE);

    private AuthorizationHeader() {}

    static SignatureClaim parse(String value, RawRequest request) {
        Map<String, String> parameters = required(components(value), List.of(CREDENTIAL, SIGNED_HEADERS, SIGNATURE));
        String amzDate = amzDate(request);
        return new SignatureClaim(false, parameters.get(CREDENTIAL),
                SignedHeaderNames.parse(parameters.get(SIGNED_HEADERS), request, false),
                SignatureClaim.checkedSignature(parameters.get(SIGNATURE), "The Signature of the Authorization header"),
                amzDate, SignatureClaim.checkedTime(amzDate, "The X-Amz-Date header"), null);
    }

    /** The Credential of the header {@code value}; its other parameters may be absent and are not read. */
    static String credential(String value) {
        return required(components(value), List.of(CREDENTIAL)).get(CREDENTIAL);
    }

    private static Map<String, String> components(String value) {
        String trimmed = value.strip();
        int space = trimmed.indexOf(' ');
        if (space < 0 || !trimmed.substring(0, space).equals(SignatureClaim.ALGORITHM)) {
            throw AuthFailures.incomplete("The Authorization header must start with '" + SignatureClaim.ALGORITHM
                    + " ': other algorithms are not supported");
        }
        Map<String, String> parameters = new HashMap<>();
        for (String part : trimmed.substring(space + 1).split(",", -1)) {
            put(parameters, part.strip());
        }
        return parameters;
    }

    private static Map<String, String> required(Map<String, String> parameters, List<String> names) {
        for (String name : names) {
            if (!parameters.containsKey(name)) {
                throw AuthFailures.incomplete("Authorization header requires '" + name + "' parameter.");
            }
        }
        return parameters;
    }

    private static void put(Map<String, String> parameters, String part) {
        int eq = part.indexOf('=');
        String name = eq < 0 ? part : part.substring(0, eq);
        if (eq < 0 || !PARAMETERS.contains(name)) {
            throw AuthFailures.incomplete("The Authorization header has a component '"
                    + ServiceException.abbreviate(name) + "': expected Credential=…, SignedHeaders=… and Signature=…");
        }
        if (parameters.put(name, part.substring(eq + 1).strip()) != null) {
            throw AuthFailures.incomplete("The Authorization header has '" + name + "' more than once");
        }
    }

    private static String amzDate(RawRequest request) {
        List<String> values = request.headers().getOrDefault("x-amz-date", List.of());
        if (values.isEmpty()) {
            throw AuthFailures.incomplete("Authorization header requires existence of a 'X-Amz-Date' header"
                    + " ('Date' is not accepted instead).");
        }
        if (values.size() > 1) {
            throw AuthFailures.incomplete("The X-Amz-Date header may be sent only once");
        }
        return values.get(0).strip();
    }
}
