package dev.certreg.core;

/** What {@link CertificateStore#insertCaCertificate} did, decided by the store in one atomic step. */
public enum CaInsertOutcome {
    /** The CA is stored. */
    INSERTED,
    /** Nothing written: the scope already holds a CA with that id. */
    ALREADY_IN_SCOPE,
    /** Nothing written: the CA is in DEFAULT mode and another account of the region holds it in DEFAULT mode. */
    DEFAULT_MODE_HELD_ELSEWHERE,
    /** Nothing written: the scope already holds the allowed number of CAs with that subject. */
    SUBJECT_LIMIT_REACHED
}
