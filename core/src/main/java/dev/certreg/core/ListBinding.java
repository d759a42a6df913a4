package dev.certreg.core;

/**
 * What a marker is bound to besides the caller's scope: the list operation, its filter and its order.
 *
 * @param kind the list operation
 * @param filter the CA id for ListCertificatesByCA, the template name for a filtered ListCACertificates, else ""
 * @param ascending the order
 */
public record ListBinding(ListKind kind, String filter, boolean ascending) {}
