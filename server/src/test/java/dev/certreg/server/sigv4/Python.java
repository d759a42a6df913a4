package dev.certreg.server.sigv4;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the Python scripts of {@code src/test/resources/sigv4} with {@code python3}, isolated from the user's AWS
 * configuration and proxies. A test that needs a module that is not installed is skipped, not failed.
 */
final class Python {
    private Python() {}

    /** Skips the calling test unless {@code python3} can import {@code module}. */
    static void assumeModule(String module) throws IOException, InterruptedException {
        assumeTrue(start(List.of("-c", "import " + module), "").exitValue() == 0,
                "python3 with " + module + " is not installed");
    }

    /** The standard output of a resource script run with {@code args} and {@code input}; fails on a non-zero exit. */
    static String script(String resource, List<String> args, String input) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(path(resource)));
        command.addAll(args);
        Finished finished = start(command, input);
        if (finished.exitValue() != 0) {
            throw new IllegalStateException(resource + " failed with status " + finished.exitValue() + ":\n"
                    + finished.err());
        }
        return finished.out();
    }

    private static String path(String resource) {
        try {
            return Path.of(Python.class.getResource("/sigv4/" + resource).toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Finished start(List<String> args, String input) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("python3"));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(name -> name.startsWith("AWS_") || name.toLowerCase(Locale.ROOT).endsWith("_proxy"));
        environment.put("AWS_CONFIG_FILE", "/dev/null");
        environment.put("AWS_SHARED_CREDENTIALS_FILE", "/dev/null");
        environment.put("AWS_EC2_METADATA_DISABLED", "true");
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            assumeTrue(false, "python3 cannot be started: " + e.getMessage());
            throw e;
        }
        try (OutputStream in = process.getOutputStream()) {
            in.write(input.getBytes(StandardCharsets.UTF_8));
        }
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(command + " did not finish within a minute");
        }
        return new Finished(process.exitValue(), out, err);
    }

    private record Finished(int exitValue, String out, String err) {}
}
