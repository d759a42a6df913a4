package dev.certreg.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;

/**
 * {@code certreg serve} as a child JVM on the test class path, as an operator runs it: its endpoints read from the
 * start-up lines, its standard error collected line by line, stopped by a signal.
 */
final class ServerProcess implements AutoCloseable {
    private static final Duration START_BOUND = Duration.ofSeconds(60);

    private final Process process;
    private final BlockingQueue<String> stdout = new LinkedBlockingQueue<>();
    private final Path stderr;
    private int stderrRead;
    private final URI endpoint;
    private final URI managementEndpoint;
    private final int mqttPort;

    private ServerProcess(Process process, Path stderr) throws Exception {
        this.process = process;
        this.stderr = stderr;
        pump(process.getInputStream(), stdout);
        this.endpoint = URI.create(field(awaitStdout("endpoint: "), "endpoint: "));
        String mqtt = field(awaitStdout("mqtt: "), "mqtt: ");
        this.mqttPort = mqtt.startsWith("mqtts://") ? URI.create(mqtt).getPort() : -1;
        this.managementEndpoint = URI.create(field(awaitStdout("health: "), "health: ").replace("/health", ""));
    }

    /** Starts {@code certreg serve --port 0 --data-dir dataDir} with {@code options}, once it is serving. */
    static ServerProcess start(Path dataDir, String... options) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                // C1 only and the serial collector: a test server starts in about half the time on a small machine.
                ProcessHandle.current().info().command().orElse("java"), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "serve", "--port", "0",
                "--mqtt-port", "0", "--data-dir", dataDir.toString()));
        command.addAll(List.of(options));
        // Standard error goes to a file: what a process writes just before it exits can be lost from a pipe.
        Path stderr = Files.createTempFile("certreg-serve", ".err");
        return new ServerProcess(new ProcessBuilder(command).redirectError(stderr.toFile()).start(), stderr);
    }

    URI endpoint() {
        return endpoint;
    }

    /** The device endpoint's port, or -1 with {@code --no-mqtt}. */
    int mqttPort() {
        return mqttPort;
    }

    URI managementEndpoint() {
        return managementEndpoint;
    }

    /** Sends SIGTERM, as an orchestrator stopping the service does. */
    void terminate() {
        process.destroy();
    }

    /** Sends SIGKILL. */
    void kill() {
        process.destroyForcibly();
    }

    /** The exit status, waiting for it up to {@code bound}; fails if the process is still running then. */
    int awaitExit(Duration bound) throws InterruptedException {
        if (!process.waitFor(bound.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("certreg serve still runs after " + bound);
        }
        return process.exitValue();
    }

    /** The first standard-error line (from now on) that satisfies {@code wanted}, waiting up to 30 s. */
    String awaitStderr(Predicate<String> wanted) throws IOException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            List<String> lines = stderrLines();
            while (stderrRead < lines.size()) {
                String line = lines.get(stderrRead++);
                if (wanted.test(line)) {
                    return line;
                }
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
        }
        throw new AssertionError("no matching line on standard error within 30 s: " + stderrLines() + "; "
                + threads());
    }

    /** Every complete standard-error line so far. */
    List<String> stderrLines() throws IOException {
        String text = Files.readString(stderr, StandardCharsets.UTF_8);
        return List.of(text.substring(0, text.lastIndexOf('\n') + 1).split("\n"));
    }

    private String awaitStdout(String prefix) throws InterruptedException {
        return await(stdout, line -> line.startsWith(prefix), START_BOUND, "standard output");
    }

    private String await(BlockingQueue<String> lines, Predicate<String> wanted, Duration bound, String stream)
            throws InterruptedException {
        long deadline = System.nanoTime() + bound.toNanos();
        while (true) {
            String line = lines.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (line == null) {
                throw new AssertionError("no matching line on " + stream + " within " + bound + "; " + threads());
            }
            if (wanted.test(line)) {
                return line;
            }
        }
    }

    private String threads() {
        if (!process.isAlive()) {
            try {
                return "exited with " + process.exitValue() + ", standard error: " + stderrLines();
            } catch (IOException e) {
                return "exited with " + process.exitValue();
            }
        }
        try {
            Process jstack = new ProcessBuilder("jstack", Long.toString(process.pid())).redirectErrorStream(true)
                    .start();
            return new String(jstack.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(jstack failed: " + e + ")";
        }
    }

    private static String field(String line, String prefix) {
        return line.substring(prefix.length()).split(" ", -1)[0];
    }

    private static void pump(InputStream in, BlockingQueue<String> queue) {
        Thread pump = new Thread(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    queue.add(line);
                }
            } catch (IOException e) {
                // The process ended.
            }
        }, "certreg-serve-output");
        pump.setDaemon(true);
        pump.start();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            Files.deleteIfExists(stderr);
        } catch (IOException e) {
            // A temporary file left behind.
        }
    }
}
