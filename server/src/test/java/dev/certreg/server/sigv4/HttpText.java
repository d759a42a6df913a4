package dev.certreg.server.sigv4;

import dev.certreg.server.RawRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a request in the vectors' text form literally: a request line whose target may hold raw spaces and UTF-8,
 * header lines ({@code Name:value}; folded continuation lines are unfolded, as the wire would refuse them), a blank
 * line and the body.
 */
final class HttpText {
    private HttpText() {}

    static RawRequest parse(String text) {
        int blank = text.indexOf("\n\n");
        String head = blank < 0 ? text : text.substring(0, blank);
        byte[] body = blank < 0 ? new byte[0] : text.substring(blank + 2).getBytes(StandardCharsets.UTF_8);
        String[] lines = head.split("\n", -1);
        String requestLine = lines[0];
        String method = requestLine.substring(0, requestLine.indexOf(' '));
        String target = requestLine.substring(method.length() + 1, requestLine.lastIndexOf(' '));
        int question = target.indexOf('?');
        String rawPath = question < 0 ? target : target.substring(0, question);
        String rawQuery = question < 0 ? null : target.substring(question + 1);
        return RawRequest.of(method, rawPath, rawQuery, headers(lines), body);
    }

    private static Map<String, List<String>> headers(String[] lines) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        List<String> last = null;
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i];
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith(" ") || line.startsWith("\t")) {
                last.set(last.size() - 1, last.get(last.size() - 1) + " " + line);
                continue;
            }
            int colon = line.indexOf(':');
            last = headers.computeIfAbsent(line.substring(0, colon).toLowerCase(Locale.ROOT), k -> new ArrayList<>());
            last.add(line.substring(colon + 1).strip());
        }
        return headers;
    }
}
