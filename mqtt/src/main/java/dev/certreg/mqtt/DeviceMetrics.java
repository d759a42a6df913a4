package dev.certreg.mqtt;

import dev.certreg.core.Admission;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The device endpoint's meters, named like the API's ({@code certreg_…} in Prometheus): connected devices, accepted
 * CONNECTs, refusals by reason, PUBLISH packets accepted from devices, and just-in-time registrations. Every refusal
 * reason is registered at start, at 0, so that a rate over it has a series from the first scrape. Thread-safe.
 */
final class DeviceMetrics {
    /** A connection whose handshake failed before the registry decided on a certificate (none, garbage, old TLS). */
    static final String TLS_HANDSHAKE = "tls_handshake";
    /** A PENDING_ACTIVATION certificate's CONNECT: its registration event is published again and it is closed. */
    static final String PENDING_ACTIVATION = "pending_activation";
    /** An MQTT 5 CONNECT: the broker speaks MQTT 3.1.1 and 3.1 only. */
    static final String UNSUPPORTED_PROTOCOL = "unsupported_protocol";
    /** A CONNECT the certificate's policies do not allow. */
    static final String CONNECT_NOT_AUTHORIZED = "connect_not_authorized";

    private final Counter connects;
    private final Counter messagesReceived;
    private final Counter justInTimeRegistrations;
    private final Map<String, Counter> refusals = new LinkedHashMap<>();

    DeviceMetrics(MeterRegistry registry, Connections connections) {
        Gauge.builder("certreg.mqtt.connected.devices", connections, Connections::connectedDevices)
                .description("Devices connected now: admitted, CONNECT accepted, not yet gone").register(registry);
        connects = Counter.builder("certreg.mqtt.connects").description("CONNECTs accepted").register(registry);
        messagesReceived = Counter.builder("certreg.mqtt.messages.received")
                .description("PUBLISH packets accepted from devices").register(registry);
        justInTimeRegistrations = Counter.builder("certreg.mqtt.jitr.registrations")
                .description("Certificates registered PENDING_ACTIVATION by just-in-time registration")
                .register(registry);
        for (Admission.Refusal refusal : Admission.Refusal.values()) {
            addRefusal(registry, tag(refusal));
        }
        for (String reason :
                new String[] {TLS_HANDSHAKE, PENDING_ACTIVATION, UNSUPPORTED_PROTOCOL, CONNECT_NOT_AUTHORIZED}) {
            addRefusal(registry, reason);
        }
    }

    private void addRefusal(MeterRegistry registry, String reason) {
        refusals.put(reason, Counter.builder("certreg.mqtt.refusals").tag("reason", reason)
                .description("Connections refused, by reason").register(registry));
    }

    static String tag(Admission.Refusal refusal) {
        return refusal.name().toLowerCase(Locale.ROOT);
    }

    void connected() {
        connects.increment();
    }

    void refused(Admission.Refusal refusal) {
        refused(tag(refusal));
    }

    void refused(String reason) {
        refusals.get(reason).increment();
    }

    void messageReceived() {
        messagesReceived.increment();
    }

    void registeredJustInTime() {
        justInTimeRegistrations.increment();
    }
}
