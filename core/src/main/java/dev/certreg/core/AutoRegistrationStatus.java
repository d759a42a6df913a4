package dev.certreg.core;

/** Whether a CA accepts just-in-time registration of the certificates it signed. */
public enum AutoRegistrationStatus {
    ENABLE,
    DISABLE
}
