package dev.certreg.core.x509;

import java.security.Provider;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * The process's one BouncyCastle JCA provider, shared by certreg's codecs and the device endpoint. Building one
 * registers every algorithm BouncyCastle has (130 ms for the first in a JVM here, 8 to 17 ms for each later one), so
 * no class builds its own. It is not added to the JVM's list of providers; {@link EcdsaProvider} puts a narrower one
 * there. Thread-safe.
 */
public final class BouncyCastle {
    private BouncyCastle() {}

    /** The shared provider, built on first use. */
    public static Provider provider() {
        return Holder.PROVIDER;
    }

    private static final class Holder {
        static final Provider PROVIDER = new BouncyCastleProvider();
    }
}
