/**
 * The device endpoint: an MQTT broker (Moquette) behind a TLS layer of certreg's own, so that the registry decides,
 * connection by connection, which client certificates are admitted. Broker types stay in this package; the rules
 * it applies are {@link dev.certreg.core.DeviceAdmission} and {@link dev.certreg.core.DeviceTopics}.
 */
package dev.certreg.mqtt;
