package dev.certreg.mqtt;

import dev.certreg.core.Admission;
import dev.certreg.core.policy.Decision;
import dev.certreg.core.policy.DeviceAuthorizer;
import dev.certreg.core.policy.DeviceSession;
import dev.certreg.core.policy.IotAction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A connection's policy decisions: its CONNECT ({@code iot:Connect} on {@code client/<clientId>}, and the Will's
 * {@code iot:Publish}), each PUBLISH ({@code iot:Publish} on {@code topic/<topic>}) and each SUBSCRIBE topic filter
 * ({@code iot:Subscribe} on {@code topicfilter/<filter>}), as "AWS IoT Core policy actions" lists them. Policies are
 * read at every decision, so a changed policy applies to the next one. Thread-safe.
 */
final class SessionPolicies {
    private static final Logger LOG = LoggerFactory.getLogger(SessionPolicies.class);

    private final DeviceAuthorizer authorizer;

    SessionPolicies(DeviceAuthorizer authorizer) {
        this.authorizer = authorizer;
    }

    /**
     * Decides the CONNECT of an admitted connection and remembers the session it was decided for.
     *
     * @param willTopic the Will's topic, or null without a Will
     */
    boolean connect(DeviceConnection connection, String clientId, boolean persistent, String willTopic,
            boolean willRetain) {
        Admission.Admitted admitted = connection.admitted();
        if (admitted == null) {
            return false;
        }
        DeviceSession session = DeviceSession.of(admitted.certificate(), clientId)
                .withPeer(connection.peerHost(), null)
                .withConnect(persistent, willTopic);
        synchronized (connection) {
            return decideConnect(connection, session, willRetain);
        }
    }

    /**
     * Decides the connection's CONNECT again, against the policies of now; false if it is no longer allowed. A
     * connection whose CONNECT is being decided is decided again after it, so a policy change committed meanwhile is
     * never lost; one whose CONNECT was not decided yet will be, with the policies of then.
     */
    boolean reauthorize(DeviceConnection connection) {
        synchronized (connection) {
            DeviceSession session = connection.session();
            return session == null || decideConnect(connection, session, false);
        }
    }

    /** Whether the connection may publish to {@code topic}. */
    boolean publish(DeviceConnection connection, String clientId, String topic) {
        return allowed(connection, clientId, IotAction.PUBLISH, topic);
    }

    /** Whether the connection may subscribe to {@code filter}. */
    boolean subscribe(DeviceConnection connection, String clientId, String filter) {
        return allowed(connection, clientId, IotAction.SUBSCRIBE, filter);
    }

    private boolean allowed(DeviceConnection connection, String clientId, IotAction action, String resource) {
        if (connection == null || connection.admitted() == null) {
            return false;
        }
        // The broker may read a PUBLISH or SUBSCRIBE before its CONNECT's interceptor has run.
        if (connection.session() == null && !connect(connection, clientId, false, null, false)) {
            return false;
        }
        if (!connection.connectAllowed()) {
            return false;
        }
        Decision decision = authorizer.decide(connection.session(), action, resource);
        if (!decision.allowed()) {
            LOG.info("device {} refused: certificate {} client {} resource {}: {}", action.actionName(),
                    connection.admitted().certificateId(), clientId, resource, decision);
        }
        return decision.allowed();
    }

    private boolean decideConnect(DeviceConnection connection, DeviceSession session, boolean willRetain) {
        Decision decision = authorizer.mayConnect(session, willRetain);
        connection.authorized(session, decision.allowed());
        if (!decision.allowed()) {
            LOG.info("device iot:Connect refused: certificate {} client {} from {}: {}",
                    session.certificateId(), session.clientId(), connection.peerHost(), decision);
        }
        return decision.allowed();
    }
}
