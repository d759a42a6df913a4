package dev.certreg.core;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The storage SPI the registry owns. Every method takes the {@link Scope} (or a record carrying it) as its leading
 * key; nothing is read or written across scopes except the region-wide DEFAULT-mode CA uniqueness.
 *
 * <p>Writes are durable when they return. Uniqueness and conditional changes are decided by the store atomically
 * (unique keys, {@code UPDATE ... WHERE customer_version = ?}), never by a read followed by a write in the caller.
 * Implementations are thread-safe.
 */
public interface CertificateStore extends AutoCloseable {

    /** The scope's registration code, storing {@code candidate} first if the scope has none. */
    String registrationCode(Scope scope, String candidate);

    /** The scope's registration code, if one exists. */
    Optional<String> findRegistrationCode(Scope scope);

    /** Removes the scope's registration code; false if it had none. */
    boolean deleteRegistrationCode(Scope scope);

    /**
     * Stores a new CA certificate unless the scope already holds that id, the CA is in DEFAULT mode and another
     * account of the region holds that id in DEFAULT mode, or the scope already holds {@code maxPerSubject} CAs with
     * its subject: the outcome says which, in that order. Checking and writing are one atomic step, so racing
     * registrations never exceed the limit.
     */
    CaInsertOutcome insertCaCertificate(CaCertificate ca, int maxPerSubject);

    Optional<CaCertificate> findCaCertificate(Scope scope, String certificateId);

    /** Every registration of a CA certificate id, in any account and region: the device endpoint's JITR lookup. */
    List<CaCertificate> findCaCertificatesById(String certificateId);

    /** The scope's CA certificates with this subject DN. */
    List<CaCertificate> findCaCertificatesBySubject(Scope scope, String subject);

    /** Replaces a CA certificate if its stored customer version still is {@code expectedVersion}. */
    boolean replaceCaCertificate(CaCertificate updated, int expectedVersion);

    /** Deletes a CA certificate and its tags if its stored customer version still is {@code expectedVersion}. */
    boolean deleteCaCertificate(Scope scope, String certificateId, int expectedVersion);

    /** One page of the scope's CA certificates, filtered on the registration template name when not null. */
    Page<ListedCertificate> listCaCertificates(Scope scope, String templateName, PageRequest request);

    /**
     * Stores a new device certificate; false, writing nothing, if the scope already holds that id or a transfer of
     * it to the scope's account is pending in its region (or, for a certificate stored as already offered, its
     * target holds or is offered that id).
     */
    boolean insertDeviceCertificate(DeviceCertificate certificate);

    /**
     * Stores new device certificates in one transaction, durable when this returns: for bulk imports, where a
     * transaction per certificate would cost a commit each. Each is decided as {@link #insertDeviceCertificate} would
     * decide it had they been inserted one after another in the order given (so of two spellings of one certificate
     * in the list, the first is stored); the result says, in that order, whether each was stored. If the store fails,
     * none is stored and this throws.
     */
    List<Boolean> insertDeviceCertificates(List<DeviceCertificate> certificates);

    Optional<DeviceCertificate> findDeviceCertificate(Scope scope, String certificateId);

    /**
     * Every registration of a device certificate id, in any account and region: the device endpoint knows the
     * certificate before it knows the account.
     */
    List<DeviceCertificate> findDeviceCertificatesById(String certificateId);

    /**
     * The device certificate whose pending transfer is offered to {@code target}'s account in its region; the
     * result's scope is the owning (source) account.
     */
    Optional<DeviceCertificate> findPendingTransfer(Scope target, String certificateId);

    /**
     * Replaces a device certificate's status, transfer data and audit if its stored customer version still is
     * {@code expectedVersion}. The owner does not change. When {@code updated} offers a transfer, false also if the
     * target account holds that id or is offered it by another account: the check and the write are one atomic
     * step, so a certificate never is both the target's own and pending transfer to it.
     */
    boolean replaceDeviceCertificate(DeviceCertificate updated, int expectedVersion);

    /**
     * Moves a device certificate from {@code accepted.transfer().previousOwner()} to {@code accepted.scope()} and
     * replaces its status, transfer data and audit, if its stored customer version still is {@code expectedVersion},
     * its transfer is still offered to the new owner and the new owner holds no certificate with that id. Returns
     * false, writing nothing, otherwise.
     */
    boolean acceptDeviceCertificateTransfer(DeviceCertificate accepted, int expectedVersion);

    /** Deletes a device certificate that has no policies attached, if its customer version is still as given. */
    default boolean deleteDeviceCertificate(Scope scope, String certificateId, int expectedVersion) {
        return deleteDeviceCertificate(scope, certificateId, expectedVersion, false);
    }

    /**
     * Deletes a device certificate if its stored customer version still is {@code expectedVersion}, it is attached
     * to no thing and, unless {@code detachPolicies}, no policy is attached to it; with {@code detachPolicies}, its
     * policy attachments go in the same transaction. Returns false, writing nothing, otherwise.
     */
    boolean deleteDeviceCertificate(Scope scope, String certificateId, int expectedVersion, boolean detachPolicies);

    /**
     * One page of the scope's device certificates merged with those whose transfer to the scope's account is
     * pending in its region, in one (creation date, id) order.
     */
    Page<ListedCertificate> listDeviceCertificates(Scope scope, PageRequest request);

    /** One page of the scope's device certificates registered under {@code caCertificateId}. */
    Page<ListedCertificate> listDeviceCertificatesByCa(Scope scope, String caCertificateId, PageRequest request);

    /**
     * How many device certificates are in each status, over every account and region; a status with none may be
     * absent. For metrics: one aggregate query, never a walk of the rows through the caller.
     */
    Map<CertificateStatus, Long> countDeviceCertificatesByStatus();

    /** Returns if the store answers a query now; throws what the store throws otherwise. For readiness probes. */
    void checkReady();

    /** The policies, their versions and attachments, stored in the same database. */
    PolicyStore policies();

    /** The things and their attachments, in the same database. */
    ThingStore things();

    /** The resource tags, in the same database; a CA certificate's tags are those of its ARN. */
    TagStore tags();

    /**
     * Tells {@code listener} of the device certificate changes other processes commit to this store, until the
     * returned feed or the store is closed. A store that only one process opens has no such changes: the default
     * tells nothing.
     */
    default ChangeFeed followChanges(CertificateChangeListener listener) {
        return () -> {};
    }

    /** Releases connections and files; the store is unusable afterwards. */
    @Override
    void close();
}
