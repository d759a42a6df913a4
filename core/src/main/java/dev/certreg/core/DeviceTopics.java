package dev.certreg.core;

/**
 * Which topics an admitted device may use until policies decide it. Topics beginning with {@code $} are reserved:
 * clients "can't publish" to them, and may subscribe only to those AWS IoT itself publishes (AWS IoT developer guide,
 * "Reserved topics"). Thread-safe.
 */
public final class DeviceTopics {
    private static final String EVENTS = "$aws/events/";

    /** Whether a device may publish to {@code topic}: never to a reserved topic. */
    public boolean mayPublish(Scope scope, String topic) {
        return !topic.startsWith("$");
    }

    /** Whether a device may subscribe to {@code filter}: any non-reserved filter, and the event topics. */
    public boolean maySubscribe(Scope scope, String filter) {
        return !filter.startsWith("$") || filter.startsWith(EVENTS);
    }
}
