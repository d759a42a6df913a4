package dev.certreg.core.policy;

import dev.certreg.core.Scope;

/**
 * The device-plane actions a broker asks about, with the resource each is matched as ("AWS IoT Core policy
 * actions", "AWS IoT Core action resources").
 */
public enum IotAction {
    /** On every CONNECT; the resource is the client id. */
    CONNECT("iot:Connect", "client/"),
    /** On every PUBLISH from the client, and on the CONNECT's Will topic; the resource is the topic. */
    PUBLISH("iot:Publish", "topic/"),
    /** In addition to {@link #PUBLISH}, on a PUBLISH (or Will) with RETAIN set. */
    RETAIN_PUBLISH("iot:RetainPublish", "topic/"),
    /** On every SUBSCRIBE, once per topic filter; the resource is the filter, wildcards as written. */
    SUBSCRIBE("iot:Subscribe", "topicfilter/"),
    /** On every delivery to the client; the resource is the topic of the message. */
    RECEIVE("iot:Receive", "topic/");

    private final String actionName;
    private final String resourceType;

    IotAction(String actionName, String resourceType) {
        this.actionName = actionName;
        this.resourceType = resourceType;
    }

    /** The name statements match, such as {@code iot:Publish}. */
    public String actionName() {
        return actionName;
    }

    /**
     * The ARN a request is matched as: {@code arn:aws:iot:region:account:topic/a/b} for the topic {@code a/b}; the
     * name is kept raw, slashes and MQTT wildcards included.
     */
    public String resourceArn(Scope scope, String name) {
        return "arn:" + scope.partition() + ":iot:" + scope.region() + ":" + scope.account() + ":" + resourceType + name;
    }
}
