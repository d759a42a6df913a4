package dev.certreg.mqtt;

import dev.certreg.core.testing.TestPki;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * The set-up the device endpoint tests share: a {@link Registry} in a new temporary directory for each test, closed
 * after it. A subclass's own {@code @BeforeEach} methods run after the registry has started.
 */
abstract class RegistryFixture {
    @TempDir
    Path dataDir;

    Registry registry;

    private TestPki.Issued ca;

    @BeforeEach
    final void startRegistry() throws Exception {
        registry = new Registry(dataDir, Clock.systemUTC(), connectTimeoutSeconds(), nativeTls());
    }

    @AfterEach
    final void closeRegistry() {
        registry.close();
    }

    /** A CA registered in DEFAULT mode, ACTIVE and not auto-registering, on first use; the same one after. */
    TestPki.Issued ca() {
        if (ca == null) {
            ca = registry.registeredCa("ca", false);
        }
        return ca;
    }

    /** How long the endpoint waits for a CONNECT; a test of silence shortens it. */
    int connectTimeoutSeconds() {
        return DeviceEndpointSettings.DEFAULT_CONNECT_TIMEOUT_SECONDS;
    }

    /** Whether the endpoint's handshakes run on BoringSSL where it loads, as {@code certreg serve} has them. */
    boolean nativeTls() {
        return true;
    }
}
