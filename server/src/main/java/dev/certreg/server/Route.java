package dev.certreg.server;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One line of the route table: method and path template to an operation.
 *
 * @param method the HTTP method
 * @param template the path template, such as {@code /certificates-by-ca/{caCertificateId}}
 * @param name the operation's API name, for logs
 * @param operation the handler
 */
record Route(String method, String template, String name, Operation operation) {

    /** The path labels if {@code path} fits this template, whatever the method. */
    Optional<Map<String, String>> match(String path) {
        String[] want = template.substring(1).split("/", -1);
        String[] got = path.substring(1).split("/", -1);
        if (want.length != got.length) {
            return Optional.empty();
        }
        Map<String, String> labels = new HashMap<>();
        for (int i = 0; i < want.length; i++) {
            if (want[i].startsWith("{")) {
                if (got[i].isEmpty()) {
                    return Optional.empty();
                }
                labels.put(want[i].substring(1, want[i].length() - 1), got[i]);
            } else if (!want[i].equals(got[i])) {
                return Optional.empty();
            }
        }
        return Optional.of(labels);
    }
}
