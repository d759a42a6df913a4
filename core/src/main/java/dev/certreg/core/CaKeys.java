package dev.certreg.core;

import dev.certreg.core.x509.IssuerKey;
import dev.certreg.core.x509.X509Codec;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The prepared public keys of registered CAs, by CA certificate id: RegisterCertificate checks a device's signature
 * against its CA's key without parsing the CA's PEM and redoing the key's EC precomputation on every call.
 *
 * <p>A CA id is the SHA-256 of its certificate, so an id always names the same key; entries are still dropped when
 * the CA is updated or deleted, and the least recently used go beyond {@link #MAX_ENTRIES}, so that the cache holds
 * only CAs in use. Thread-safe.
 */
public final class CaKeys {
    /** How many CA keys are kept; a key costs a few kilobytes with its precomputed points. */
    static final int MAX_ENTRIES = 1024;

    private final X509Codec codec;
    private final Map<String, IssuerKey> keys = new LinkedHashMap<>(64, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, IssuerKey> eldest) {
            return size() > MAX_ENTRIES;
        }
    };

    public CaKeys(X509Codec codec) {
        this.codec = codec;
    }

    /** The prepared key of a registered CA. */
    IssuerKey of(CaCertificate ca) {
        synchronized (keys) {
            IssuerKey key = keys.get(ca.certificateId());
            if (key != null) {
                return key;
            }
        }
        // Parsed outside the lock: two first requests may both parse, and either result is the same key.
        IssuerKey key = IssuerKey.of(codec.parse(ca.certificatePem(), "CA certificate"));
        synchronized (keys) {
            keys.put(ca.certificateId(), key);
        }
        return key;
    }

    /** Forgets the key of a CA that was updated or deleted. */
    void invalidate(String certificateId) {
        synchronized (keys) {
            keys.remove(certificateId);
        }
    }

    /** How many keys are kept now. */
    int size() {
        synchronized (keys) {
            return keys.size();
        }
    }
}
