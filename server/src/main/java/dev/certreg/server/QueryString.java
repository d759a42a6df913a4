package dev.certreg.server;

import dev.certreg.core.ServiceException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a raw query string once, for both the signature check and the handlers, so that they agree on every value
 * (a {@code marker} such as {@code AB+c/d==} above all). Stateless and thread-safe.
 */
public final class QueryString {
    private QueryString() {}

    /**
     * The parameters of {@code rawQuery} in arrival order: split on {@code &}, each pair at its first {@code =} (none
     * means an empty value), names and values percent-decoded with {@code +} kept as a plus. An empty name or a bad
     * escape is an InvalidRequestException.
     *
     * @param rawQuery the query as sent, or null
     */
    public static List<QueryParameter> parse(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return List.of();
        }
        List<QueryParameter> parameters = new ArrayList<>();
        for (String pair : rawQuery.split("&", -1)) {
            parameters.add(parameter(pair));
        }
        return List.copyOf(parameters);
    }

    private static QueryParameter parameter(String pair) {
        int eq = pair.indexOf('=');
        String name = PercentDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), "query string");
        if (name.isEmpty()) {
            throw ServiceException.invalidRequest("The query string has a parameter without a name");
        }
        String value = eq < 0 ? "" : PercentDecoder.decode(pair.substring(eq + 1), "query string");
        return new QueryParameter(name, value);
    }
}
