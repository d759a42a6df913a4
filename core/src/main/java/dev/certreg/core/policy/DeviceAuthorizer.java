package dev.certreg.core.policy;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The device plane's one question to the policy engine: may this connection do this now? The broker asks once per
 * CONNECT ({@link #mayConnect}), once per PUBLISH ({@link IotAction#PUBLISH}, and {@link IotAction#RETAIN_PUBLISH} as
 * well when RETAIN is set), once per topic filter of a SUBSCRIBE ({@link IotAction#SUBSCRIBE}) and once per delivery
 * to a client ({@link IotAction#RECEIVE}) — "AWS IoT Core policy actions". Policies are read at every decision, and
 * the connection's thing too when a policy uses a thing variable, so a detached policy or a changed default version
 * applies to the next message. Knows nothing of MQTT. Thread-safe.
 */
public final class DeviceAuthorizer {
    private static final Logger LOG = LoggerFactory.getLogger(DeviceAuthorizer.class);

    private final PolicySource policies;
    private final ThingSource things;
    private final Clock clock;

    public DeviceAuthorizer(PolicySource policies, ThingSource things, Clock clock) {
        this.policies = Objects.requireNonNull(policies, "policies");
        this.things = Objects.requireNonNull(things, "things");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * The decision for one action of a connection.
     *
     * @param session the connection, as of its CONNECT
     * @param action the action
     * @param resource the client id for {@link IotAction#CONNECT}, the topic filter (MQTT wildcards as written) for
     *     {@link IotAction#SUBSCRIBE}, else the topic
     */
    public Decision decide(DeviceSession session, IotAction action, String resource) {
        Decision decision = PolicyEvaluator.evaluate(policies.policiesFor(session.scope(),
                        session.certificateId()), context(session), action.actionName(),
                action.resourceArn(session.scope(), resource));
        if (!decision.allowed()) {
            LOG.debug("{} {} by client {} of certificate {}: {}", action.actionName(), resource, session.clientId(),
                    session.certificateId(), decision);
        }
        return decision;
    }

    /**
     * Whether a CONNECT may go ahead: {@code iot:Connect} on its client id and, when it carries a Will,
     * {@code iot:Publish} on the Will topic, plus {@code iot:RetainPublish} when the Will is retained ("Retained
     * message policy examples"). Returns the first refusal, else the Connect decision.
     */
    public Decision mayConnect(DeviceSession session, boolean willRetain) {
        Decision connect = decide(session, IotAction.CONNECT, session.clientId());
        if (!connect.allowed() || session.willTopic().isEmpty()) {
            return connect;
        }
        String will = session.willTopic().get();
        List<IotAction> willActions = willRetain
                ? List.of(IotAction.PUBLISH, IotAction.RETAIN_PUBLISH)
                : List.of(IotAction.PUBLISH);
        for (IotAction action : willActions) {
            Decision decision = decide(session, action, will);
            if (!decision.allowed()) {
                return decision;
            }
        }
        return connect;
    }

    private RequestContext context(DeviceSession session) {
        RequestContext.Builder builder = RequestContext.builder(session.scope(), clock.instant())
                .clientId(session.clientId())
                .certificate(session.certificateId(), session.certificate())
                .connectAttributes(session.connectAttributes());
        builder.thing(() -> things.thingFor(session.scope(), session.clientId(), session.certificateId()));
        session.sourceIp().ifPresent(builder::sourceIp);
        session.domainName().ifPresent(builder::domainName);
        session.willTopic().ifPresent(
                topic -> builder.lastWillTopic(IotAction.PUBLISH.resourceArn(session.scope(), topic)));
        return builder.build();
    }
}
