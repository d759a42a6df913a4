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

    /**
     * The decoded path labels if {@code path} fits this template, whatever the method. The path is split at its
     * slashes before each segment is percent-decoded: an encoded slash ({@code %2F}) belongs to its label, as in
     * ListAttachedPolicies' {@code /attached-policies/arn%3Aaws%3Aiot%3A...%3Acert%2F...}.
     *
     * @param path the normalised path, still percent-encoded
     */
    Optional<Map<String, String>> match(String path) {
        String[] want = template.substring(1).split("/", -1);
        String[] got = path.substring(1).split("/", -1);
        if (want.length != got.length) {
            return Optional.empty();
        }
        Map<String, String> labels = new HashMap<>();
        for (int i = 0; i < want.length; i++) {
            String segment = PercentDecoder.decode(got[i], "path");
            if (want[i].startsWith("{")) {
                if (segment.isEmpty()) {
                    return Optional.empty();
                }
                labels.put(want[i].substring(1, want[i].length() - 1), segment);
            } else if (!want[i].equals(segment)) {
                return Optional.empty();
            }
        }
        return Optional.of(labels);
    }
}
