package dev.certreg.junit;

import dev.certreg.core.x509.BouncyCastle;
import dev.certreg.server.CertregServer;
import dev.certreg.server.OpenAuthenticator;
import dev.certreg.server.ServerSettings;
import dev.certreg.store.sqlite.SqliteCertificateStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs certreg in-process on a free loopback port over a fresh SQLite file, so tests of code written against AWS
 * IoT's certificate API can point an SDK at {@link #endpoint()}.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final CertregExtension CERTREG = CertregExtension.builder().build();
 *
 * IotClient iot = IotClient.builder().endpointOverride(CERTREG.endpoint()).region(Region.US_EAST_1)
 *         .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKID", "x"))).build();
 * }</pre>
 *
 * <p>Registered on a static field, one registry serves the whole class; on an instance field, each test gets an
 * empty one. Any access key works; a 12-digit key acts as that account. Not thread-safe: one per test class.
 */
public final class CertregExtension
        implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {
    private final Clock clock;
    private Path dataDir;
    private SqliteCertificateStore store;
    private CertregServer server;
    private boolean perClass;

    private CertregExtension(Clock clock) {
        this.clock = clock;
    }

    /** A builder; the defaults are the system clock. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        perClass = true;
        start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stop();
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        if (!perClass) {
            start();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (!perClass) {
            stop();
        }
    }

    /** The URL to give an SDK as its endpoint override. */
    public URI endpoint() {
        if (server == null) {
            throw new IllegalStateException("certreg runs only while a test of its class runs");
        }
        return server.endpoint();
    }

    private void start() throws Exception {
        dataDir = Files.createTempDirectory("certreg-junit");
        // BouncyCastle's provider, which the server needs next, is built beside the store's opening: the first start
        // in a JVM is mostly the loading of both, and each has a core of its own. A caller of the provider waits for
        // the one being built.
        Thread provider = new Thread(BouncyCastle::provider, "certreg-junit-bouncycastle");
        provider.setDaemon(true);
        provider.start();
        // A new store starts from the empty schema the store's jar ships, without running migrations.
        store = SqliteCertificateStore.open(dataDir);
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        server = CertregServer.start(
                new ServerSettings("127.0.0.1", 0, new OpenAuthenticator(), secret, 16), store, clock);
    }

    private void stop() {
        if (server != null) {
            server.close();
            store.close();
            server = null;
            deleteRecursively(dataDir);
        }
    }

    private static void deleteRecursively(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Builds a {@link CertregExtension}. */
    public static final class Builder {
        private Clock clock = Clock.systemUTC();

        private Builder() {}

        /** The clock for creation dates and validity checks, such as a fixed one for certificates of the past. */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        public CertregExtension build() {
            return new CertregExtension(clock);
        }
    }
}
