package dev.certreg.core;

/** The three list operations. A marker is bound to the kind that issued it. */
public enum ListKind {
    CERTIFICATES,
    CERTIFICATES_BY_CA,
    CA_CERTIFICATES
}
