package dev.certreg.cli.iot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.certreg.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One in-process run of {@code certreg}, with what it printed.
 *
 * @param exitCode the status {@code main} would exit with
 * @param out stdout
 * @param err stderr
 */
record CliRun(int exitCode, String out, String err) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Runs {@code certreg args...} as {@code main} would, capturing its output. */
    static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = Main.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
                .execute(args);
        return new CliRun(exitCode, out.toString(), err.toString());
    }

    /** stdout as JSON. */
    JsonNode json() {
        try {
            return JSON.readTree(out);
        } catch (IOException e) {
            throw new UncheckedIOException("stdout is not JSON: " + out + err, e);
        }
    }

    /** The {@code certificateId} of each entry of {@code certificates}. */
    List<String> certificateIds() {
        List<String> ids = new ArrayList<>();
        json().get("certificates").forEach(certificate -> ids.add(certificate.get("certificateId").asText()));
        return ids;
    }

    /** The {@code NextToken}, if printed. */
    Optional<String> nextToken() {
        return Optional.ofNullable(json().get("NextToken")).map(JsonNode::asText);
    }

    /** The names of the members of stdout's JSON object, in printed order. */
    static List<String> keys(JsonNode object) {
        List<String> keys = new ArrayList<>();
        object.fieldNames().forEachRemaining(keys::add);
        return keys;
    }
}
