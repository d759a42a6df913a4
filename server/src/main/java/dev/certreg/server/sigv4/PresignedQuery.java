package dev.certreg.server.sigv4;

import dev.certreg.core.ServiceException;
import dev.certreg.server.QueryParameter;
import dev.certreg.server.RawRequest;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Parses the {@code X-Amz-*} parameters of a presigned URL. Thread-safe. */
final class PresignedQuery {
    static final String SIGNATURE = "X-Amz-Signature";
    private static final String CREDENTIAL = "X-Amz-Credential";
    /** AWS's limit, which the Java SDK v2 enforces when presigning: seven days. */
    static final long MAX_EXPIRES_SECONDS = 604_800;
    private static final List<String> NAMES = List.of("X-Amz-Algorithm", CREDENTIAL, "X-Amz-Date",
            "X-Amz-Expires", "X-Amz-SignedHeaders", SIGNATURE);
    private static final Pattern EXPIRES = Pattern.compile("\\d{1,7}");

    private PresignedQuery() {}

    static SignatureClaim parse(RawRequest request) {
        Map<String, String> values = values(request, NAMES);
        if (!values.get("X-Amz-Algorithm").equals(SignatureClaim.ALGORITHM)) {
            throw AuthFailures.incomplete("X-Amz-Algorithm must be " + SignatureClaim.ALGORITHM + ", got '"
                    + ServiceException.abbreviate(values.get("X-Amz-Algorithm")) + "'");
        }
        String amzDate = values.get("X-Amz-Date");
        return new SignatureClaim(true, values.get(CREDENTIAL),
                SignedHeaderNames.parse(values.get("X-Amz-SignedHeaders"), request, true),
                SignatureClaim.checkedSignature(values.get(SIGNATURE), SIGNATURE), amzDate,
                SignatureClaim.checkedTime(amzDate, "X-Amz-Date"), expires(values.get("X-Amz-Expires")));
    }

    /** The X-Amz-Credential of a presigned query; its other parameters may be absent and are not read. */
    static String credential(RawRequest request) {
        return values(request, List.of(CREDENTIAL)).get(CREDENTIAL);
    }

    private static Map<String, String> values(RawRequest request, List<String> required) {
        Map<String, String> values = new HashMap<>();
        for (QueryParameter parameter : request.queryParameters()) {
            if (NAMES.contains(parameter.name()) && values.put(parameter.name(), parameter.value()) != null) {
                throw AuthFailures.incomplete("The query-string parameter '" + parameter.name()
                        + "' may be sent only once");
            }
        }
        for (String name : required) {
            if (!values.containsKey(name)) {
                throw AuthFailures.incomplete("AWS query-string parameters must include '" + name
                        + "'. Re-examine the query-string parameters.");
            }
        }
        return values;
    }

    private static Duration expires(String value) {
        long seconds = EXPIRES.matcher(value).matches() ? Long.parseLong(value) : -1;
        if (seconds < 1 || seconds > MAX_EXPIRES_SECONDS) {
            throw AuthFailures.incomplete("X-Amz-Expires must be a whole number of seconds from 1 to "
                    + MAX_EXPIRES_SECONDS + " (7 days), got '" + ServiceException.abbreviate(value) + "'");
        }
        return Duration.ofSeconds(seconds);
    }
}
