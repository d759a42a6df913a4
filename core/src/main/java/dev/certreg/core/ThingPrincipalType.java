package dev.certreg.core;

/**
 * How a principal is attached to a thing (API reference: AttachThingPrincipal). An EXCLUSIVE_THING attachment is the
 * only thing attachment its principal may have.
 */
public enum ThingPrincipalType {
    EXCLUSIVE_THING,
    NON_EXCLUSIVE_THING
}
