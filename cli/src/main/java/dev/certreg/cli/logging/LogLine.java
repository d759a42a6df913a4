package dev.certreg.cli.logging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.event.KeyValuePair;
import org.slf4j.event.Level;

/** One log event, rendered as a text or a JSON line. Immutable. */
record LogLine(Instant time, Level level, String logger, String thread, String message, List<KeyValuePair> pairs,
        Throwable thrown) {
    private static final ObjectMapper JSON = new ObjectMapper();

    String text() {
        StringBuilder line = new StringBuilder().append(time).append(' ').append(level).append(' ').append(logger)
                .append(" - ").append(message);
        for (KeyValuePair pair : pairs) {
            line.append(' ').append(pair.key).append('=').append(pair.value);
        }
        if (thrown != null) {
            line.append(System.lineSeparator()).append(stackTrace().stripTrailing());
        }
        return line.toString();
    }

    String json() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("time", time.toString());
        fields.put("level", level.toString());
        fields.put("logger", logger);
        fields.put("thread", thread);
        fields.put("message", message);
        for (KeyValuePair pair : pairs) {
            fields.putIfAbsent(pair.key, pair.value == null ? null : pair.value.toString());
        }
        if (thrown != null) {
            fields.put("exception", stackTrace());
        }
        try {
            return JSON.writeValueAsString(fields);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A map of strings always renders", e);
        }
    }

    private String stackTrace() {
        StringWriter trace = new StringWriter();
        thrown.printStackTrace(new PrintWriter(trace));
        return trace.toString();
    }
}
