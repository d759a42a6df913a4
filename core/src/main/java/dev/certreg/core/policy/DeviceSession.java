package dev.certreg.core.policy;

import dev.certreg.core.DeviceCertificate;
import dev.certreg.core.Scope;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * What a device connection tells {@link DeviceAuthorizer}, fixed at CONNECT: the admitted certificate, the client id,
 * the peer address, the server name it asked for, and what its CONNECT asked for ({@code iot:ConnectAttributes}:
 * {@code PersistentConnect}, {@code LastWill}; "Connect policy examples"). Immutable and thread-safe.
 *
 * @param scope the account and region the certificate acts in
 * @param certificateId the id of the certificate the device connected with
 * @param certificate the certificate's policy variables, read when first asked for (thread-safe)
 * @param clientId the MQTT client id
 * @param sourceIp the peer's IP address, for {@code aws:SourceIp}
 * @param domainName the SNI host name, for {@code iot:DomainName}
 * @param connectAttributes {@code PersistentConnect} and/or {@code LastWill}
 * @param willTopic the CONNECT's Will topic, if it has a Will
 */
public record DeviceSession(Scope scope, String certificateId, Supplier<CertificateFacts> certificate, String clientId,
        Optional<String> sourceIp, Optional<String> domainName, Set<String> connectAttributes,
        Optional<String> willTopic) {
    /** The {@code iot:ConnectAttributes} value of a CONNECT asking for a persistent session. */
    public static final String PERSISTENT_CONNECT = "PersistentConnect";
    /** The {@code iot:ConnectAttributes} value of a CONNECT carrying a Will. */
    public static final String LAST_WILL = "LastWill";

    public DeviceSession {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(certificateId, "certificateId");
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(clientId, "clientId");
        connectAttributes = Set.copyOf(connectAttributes);
    }

    /**
     * The session of a client that connected with an admitted certificate: a clean session without a Will until
     * {@link #withConnect} says otherwise.
     */
    public static DeviceSession of(DeviceCertificate certificate, String clientId) {
        // Read once per connection, and only if a policy uses an iot:Certificate.* variable: parsing is most of
        // what a connection's first decision would otherwise cost.
        return new DeviceSession(certificate.scope(), certificate.certificateId(),
                new ReadOnce<>(() -> CertificateFacts.of(certificate)), clientId, Optional.empty(), Optional.empty(),
                Set.of(), Optional.empty());
    }

    /** This session with the peer's address and the SNI host name (either may be null when unknown). */
    public DeviceSession withPeer(@Nullable String sourceIp, @Nullable String domainName) {
        return new DeviceSession(scope, certificateId, certificate, clientId, Optional.ofNullable(sourceIp),
                Optional.ofNullable(domainName), connectAttributes, willTopic);
    }

    /**
     * This session with what the CONNECT asked for: a persistent session (MQTT 3.1.1 {@code cleanSession=0}) and a
     * Will on {@code willTopic} (null for none).
     */
    public DeviceSession withConnect(boolean persistent, @Nullable String willTopic) {
        Set<String> attributes = new TreeSet<>();
        if (persistent) {
            attributes.add(PERSISTENT_CONNECT);
        }
        if (willTopic != null) {
            attributes.add(LAST_WILL);
        }
        return new DeviceSession(scope, certificateId, certificate, clientId, sourceIp, domainName, attributes,
                Optional.ofNullable(willTopic));
    }
}
