package dev.certreg.core.policy;

import dev.certreg.core.Scope;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * What is known of the connection a request comes from: the values of the policy variables and condition keys
 * ("AWS IoT Core policy variables"). Build one per connection, at CONNECT. Immutable and thread-safe.
 */
public final class RequestContext {
    private final Scope scope;
    private final Instant time;
    private final Optional<String> clientId;
    private final Optional<String> certificateId;
    private final Supplier<CertificateFacts> certificate;
    private final Supplier<Optional<ThingFacts>> thing;
    private final Optional<String> sourceIp;
    private final Optional<String> domainName;
    private final Set<String> connectAttributes;
    private final Optional<String> lastWillTopic;

    private RequestContext(Builder builder) {
        this.scope = Objects.requireNonNull(builder.scope, "scope");
        this.time = Objects.requireNonNull(builder.time, "time");
        this.clientId = builder.clientId;
        this.certificateId = builder.certificateId;
        this.certificate = builder.certificate;
        this.thing = builder.thing;
        this.sourceIp = builder.sourceIp;
        this.domainName = builder.domainName;
        this.connectAttributes = Set.copyOf(builder.connectAttributes);
        this.lastWillTopic = builder.lastWillTopic;
    }

    /**
     * A context for a connection in an account and region, at a time (for {@code aws:CurrentTime} and the
     * {@code Date} operators).
     */
    public static Builder builder(Scope scope, Instant time) {
        return new Builder(scope, time);
    }

    /** The account and region the request ARNs are built in. */
    public Scope scope() {
        return scope;
    }

    public Instant time() {
        return time;
    }

    /** {@code iot:ClientId}. */
    public Optional<String> clientId() {
        return clientId;
    }

    /** {@code iot:CertificateId}: the id of the certificate the device authenticated with. */
    public Optional<String> certificateId() {
        return certificateId;
    }

    /**
     * The certificate the device authenticated with: the {@code iot:Certificate.*} variables, read from the
     * certificate only when this is called. Empty when {@link #certificateId()} is.
     */
    public Optional<CertificateFacts> certificate() {
        return certificateId.map(id -> certificate.get());
    }

    /**
     * The thing named by the client id, if the registry has one: the {@code iot:Connection.Thing.*} variables, read
     * from the registry when this is called.
     */
    public Optional<ThingFacts> thing() {
        return thing.get();
    }

    /** {@code aws:SourceIp}. */
    public Optional<String> sourceIp() {
        return sourceIp;
    }

    /** {@code iot:DomainName}: the server name the device asked for. */
    public Optional<String> domainName() {
        return domainName;
    }

    /**
     * {@code iot:ConnectAttributes}: {@code PersistentConnect} and {@code LastWill} as the CONNECT asks for them
     * ("Connect policy examples"); empty for a clean connection without a Will.
     */
    public Set<String> connectAttributes() {
        return connectAttributes;
    }

    /** {@code iot:LastWillTopic}: the ARN of the CONNECT's Will topic, if it has a Will. */
    public Optional<String> lastWillTopic() {
        return lastWillTopic;
    }

    /** Builds a {@link RequestContext}; not thread-safe. */
    public static final class Builder {
        private final Scope scope;
        private final Instant time;
        private Optional<String> clientId = Optional.empty();
        private Optional<String> certificateId = Optional.empty();
        private Supplier<CertificateFacts> certificate = () -> null;
        private Supplier<Optional<ThingFacts>> thing = Optional::empty;
        private Optional<String> sourceIp = Optional.empty();
        private Optional<String> domainName = Optional.empty();
        private Set<String> connectAttributes = Set.of();
        private Optional<String> lastWillTopic = Optional.empty();

        private Builder(Scope scope, Instant time) {
            this.scope = scope;
            this.time = time;
        }

        public Builder clientId(String value) {
            clientId = Optional.of(value);
            return this;
        }

        public Builder certificate(CertificateFacts value) {
            return certificate(value.certificateId(), () -> value);
        }

        /**
         * The certificate of id {@code id}, whose variables {@code facts} gives when a policy first uses one: most
         * policies never do, and reading them means parsing the certificate. {@code facts} must be thread-safe.
         */
        public Builder certificate(String id, Supplier<CertificateFacts> facts) {
            certificateId = Optional.of(id);
            certificate = Objects.requireNonNull(facts, "facts");
            return this;
        }

        public Builder thing(ThingFacts value) {
            return thing(() -> Optional.of(value));
        }

        /**
         * The thing {@code facts} reads when a policy first uses a thing variable: most policies never do, and
         * reading it is a query of the registry. {@code facts} must be thread-safe.
         */
        public Builder thing(Supplier<Optional<ThingFacts>> facts) {
            thing = Objects.requireNonNull(facts, "facts");
            return this;
        }

        public Builder sourceIp(String value) {
            sourceIp = Optional.of(value);
            return this;
        }

        public Builder domainName(String value) {
            domainName = Optional.of(value);
            return this;
        }

        public Builder connectAttributes(Set<String> value) {
            connectAttributes = Set.copyOf(value);
            return this;
        }

        public Builder lastWillTopic(String arn) {
            lastWillTopic = Optional.of(arn);
            return this;
        }

        public RequestContext build() {
            return new RequestContext(this);
        }
    }
}
