package dev.certreg.mqtt;

/** The {@code disconnectReason} values of the AWS IoT developer guide's "Lifecycle events" that certreg emits. */
enum DisconnectReason {
    AUTH_ERROR,
    CLIENT_INITIATED_DISCONNECT,
    CLIENT_ERROR,
    CONNECTION_LOST,
    DUPLICATE_CLIENTID,
    MQTT_KEEP_ALIVE_TIMEOUT,
    SERVER_INITIATED_DISCONNECT
}
