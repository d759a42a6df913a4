package dev.certreg.core;

import dev.certreg.core.policy.AppliedPolicy;
import dev.certreg.core.policy.ParsedDocuments;
import dev.certreg.core.policy.PolicyDocument;
import dev.certreg.core.policy.PolicySource;
import dev.certreg.protocol.ErrorCode;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Policies, their versions and their attachments to device certificates: CreatePolicy, GetPolicy, ListPolicies,
 * DeletePolicy, the five policy version operations, AttachPolicy, DetachPolicy, ListAttachedPolicies,
 * ListTargetsForPolicy and the legacy principal calls, which read and write the same attachments. Limits and guards
 * are decided by the {@link PolicyStore}; this class checks input and explains the store's answer. It is also the
 * device plane's {@link PolicySource}. Thread-safe.
 */
public final class PolicyService implements PolicySource {
    /** Versions a policy may have (API reference, CreatePolicyVersion). */
    public static final int MAX_VERSIONS = 5;
    /** Policies a certificate may have attached (AWS IoT Core quotas, "Maximum number of policies ..."). */
    public static final int MAX_POLICIES_PER_TARGET = 10;

    /** Parsed documents kept for {@link #policiesFor}: enough for every policy of a large fleet's few roles. */
    private static final int PARSED_DOCUMENTS = 1024;
    private static final Pattern VERSION_ID = Pattern.compile("[0-9]{1,18}");

    private final PolicyStore store;
    private final CertificateStore certificates;
    private final NamedMarkers markers;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final ParsedDocuments parsed = new ParsedDocuments(PARSED_DOCUMENTS);
    private final CertificateChangeListener changes;

    public PolicyService(CertificateStore certificates, NamedMarkers markers, Clock clock) {
        this(certificates, markers, clock, CertificateChangeListener.NONE);
    }

    /**
     * A policy service that tells {@code changes} when what a certificate's live connections may do changed: a
     * policy attached to or detached from it ({@link CertificateChangeListener#certificateChanged}), or a default
     * version changed ({@link CertificateChangeListener#changesMayHaveBeenMissed}: every connection is decided
     * again).
     */
    public PolicyService(CertificateStore certificates, NamedMarkers markers, Clock clock,
            CertificateChangeListener changes) {
        this.store = certificates.policies();
        this.certificates = certificates;
        this.markers = markers;
        this.clock = clock;
        this.changes = changes;
    }

    /** CreatePolicy: version 1 of a new policy, its default, with the tags given (none if empty). */
    public Policy create(Scope scope, String name, String document, List<Tag> tags) {
        PolicyDocument.parse(document);
        List<Tag> checkedTags = TagService.checkedOnCreate(tags);
        Instant now = now();
        Policy policy = new Policy(scope, name, 1, document, now, now, generationId());
        if (!store.insertPolicy(policy)) {
            // moto's text, as AWS's is not published; resourceId is the name, as for other named resources.
            throw ServiceException.alreadyExists("Policy cannot be created - name already exists (name=" + name + ")",
                    name, policy.arn());
        }
        // A TagResource racing this one already sees the policy; the store decides the limit for both.
        if (!checkedTags.isEmpty()
                && !certificates.tags().putTags(scope, policy.arn(), checkedTags, TagService.MAX_TAGS)) {
            throw new ServiceException(ErrorCode.LIMIT_EXCEEDED,
                    "Policy " + policy.arn() + " would have more than " + TagService.MAX_TAGS + " tags");
        }
        return policy;
    }

    /** Whether {@code scope} holds a policy called {@code name}: the policy kind's TagResource hook. */
    public boolean exists(Scope scope, String name) {
        return store.findPolicy(scope, name).isPresent();
    }

    /** GetPolicy: the policy with its default version's document. */
    public Policy get(Scope scope, String name) {
        return store.findPolicy(scope, name).orElseThrow(() -> noPolicy(name));
    }

    /** ListPolicies: newest first unless ascending, as ListCertificates. */
    public NamedList list(Scope scope, ListQuery query) {
        NamedPageRequest request = markers.request(scope, "ListPolicies", query);
        return markers.result(scope, "ListPolicies", request, store.listPolicies(scope, request));
    }

    /**
     * DeletePolicy (API reference, DeletePolicy): refused with DeleteConflictException while the policy is attached
     * to any target, then while it has versions besides the default; the default version goes with the policy.
     */
    public void delete(Scope scope, String name) {
        switch (store.deletePolicy(scope, name)) {
            case DONE -> { }
            case NO_POLICY -> throw noPolicy(name);
            case ATTACHED -> throw new ServiceException(ErrorCode.DELETE_CONFLICT,
                    "The policy cannot be deleted as the policy is attached to one or more principals (name=" + name
                            + ")");
            // AWS's own text, "than than" included, so that tools matching it keep working.
            case EXTRA_VERSIONS -> throw new ServiceException(ErrorCode.DELETE_CONFLICT,
                    "The policy cannot be deleted as versions other than than default version exist (name=" + name
                            + ")");
            default -> throw unexpected();
        }
    }

    /** CreatePolicyVersion: at most {@link #MAX_VERSIONS}; the new version is the default if {@code setAsDefault}. */
    public PolicyVersion createVersion(Scope scope, String name, String document, boolean setAsDefault) {
        PolicyDocument.parse(document);
        Instant now = now();
        NewVersion created =
                store.createPolicyVersion(scope, name, document, setAsDefault, now, generationId(), MAX_VERSIONS);
        return switch (created.outcome()) {
            case DONE -> {
                if (setAsDefault) {
                    changes.changesMayHaveBeenMissed();
                }
                yield new PolicyVersion(created.versionId(), document, setAsDefault, now);
            }
            case NO_POLICY -> throw noPolicy(name);
            case VERSIONS_LIMIT -> throw new ServiceException(ErrorCode.VERSIONS_LIMIT_EXCEEDED, "The policy " + name
                    + " already has the maximum number of versions (" + MAX_VERSIONS + ")");
            default -> throw unexpected();
        };
    }

    /** GetPolicyVersion: the version and the policy it belongs to, for the policy's dates and generation id. */
    public DescribedVersion getVersion(Scope scope, String name, String versionId) {
        long id = versionId(name, versionId);
        Policy policy = get(scope, name);
        PolicyVersion version = store.findPolicyVersion(scope, name, id).orElseThrow(() -> noVersion(name, versionId));
        return new DescribedVersion(policy, version);
    }

    /** ListPolicyVersions: every version, newest first (at most five, so no pages). */
    public List<PolicyVersion> listVersions(Scope scope, String name) {
        List<PolicyVersion> versions = store.listPolicyVersions(scope, name);
        if (versions.isEmpty()) {
            throw noPolicy(name);
        }
        return versions;
    }

    /** SetDefaultPolicyVersion: the version becomes the one in force; setting the current default is a no-op. */
    public void setDefaultVersion(Scope scope, String name, String versionId) {
        long id = versionId(name, versionId);
        explainVersionWrite(store.setDefaultPolicyVersion(scope, name, id, now(), generationId()), name, versionId);
        changes.changesMayHaveBeenMissed();
    }

    /**
     * DeletePolicyVersion (API reference, DeletePolicyVersion): the default version cannot be deleted; AWS documents
     * the refusal but not its error, so certreg answers the DeleteConflictException the model lists.
     */
    public void deleteVersion(Scope scope, String name, String versionId) {
        long id = versionId(name, versionId);
        explainVersionWrite(store.deletePolicyVersion(scope, name, id, now(), generationId()), name, versionId);
    }

    private static void explainVersionWrite(PolicyWrite outcome, String name, String versionId) {
        switch (outcome) {
            case DONE -> { }
            case NO_POLICY -> throw noPolicy(name);
            case NO_VERSION -> throw noVersion(name, versionId);
            case DEFAULT_VERSION -> throw new ServiceException(ErrorCode.DELETE_CONFLICT,
                    "Cannot delete the default version of a policy (name=" + name + ", version=" + versionId + ")");
            default -> throw unexpected();
        }
    }

    /**
     * AttachPolicy and AttachPrincipalPolicy: attaching an attached pair again succeeds; a certificate takes at most
     * {@link #MAX_POLICIES_PER_TARGET} policies (LimitExceededException).
     */
    public void attach(Scope scope, String name, String target) {
        PolicyTarget parsed = PolicyTarget.parse(scope, target);
        switch (store.attachPolicy(scope, name, parsed.certificateId(), parsed.arn(), now(),
                MAX_POLICIES_PER_TARGET)) {
            case DONE -> targetChanged(parsed);
            case NO_POLICY -> throw noPolicy(name);
            case NO_TARGET -> throw noTarget(target);
            case TARGET_LIMIT -> throw new ServiceException(ErrorCode.LIMIT_EXCEEDED, "Target " + target
                    + " already has the maximum number of policies attached (" + MAX_POLICIES_PER_TARGET + ")");
            default -> throw unexpected();
        }
    }

    /**
     * DetachPolicy: the model gives it no ResourceNotFoundException, so detaching what is not attached (or naming a
     * policy or certificate that does not exist) succeeds and changes nothing.
     */
    public void detach(Scope scope, String name, String target) {
        PolicyTarget parsed = PolicyTarget.parse(scope, target);
        store.detachPolicy(scope, name, parsed.certificateId(), parsed.arn());
        targetChanged(parsed);
    }

    private void targetChanged(PolicyTarget target) {
        if (target.certificateId() != null) {
            changes.certificateChanged(target.certificateId());
        }
    }

    /**
     * DetachPrincipalPolicy, whose model lists ResourceNotFoundException: an unknown policy or certificate is one;
     * a pair that is not attached is not.
     */
    public void detachPrincipal(Scope scope, String name, String principal) {
        PolicyTarget parsed = PolicyTarget.parse(scope, principal);
        get(scope, name);
        existingCertificate(scope, parsed, principal);
        store.detachPolicy(scope, name, parsed.certificateId(), parsed.arn());
        targetChanged(parsed);
    }

    /** ListTargetsForPolicy and ListPolicyPrincipals: the targets in attachment order. */
    public NamedList listTargets(Scope scope, String name, ListQuery query) {
        get(scope, name);
        String list = "ListTargetsForPolicy\n" + name;
        NamedPageRequest request = markers.request(scope, list, query);
        return markers.result(scope, list, request, store.listTargetsForPolicy(scope, name, request));
    }

    /** ListAttachedPolicies and ListPrincipalPolicies: the certificate's policies in attachment order. */
    public NamedList listAttached(Scope scope, String target, ListQuery query) {
        PolicyTarget parsed = PolicyTarget.parse(scope, target);
        existingCertificate(scope, parsed, target);
        String list = "ListAttachedPolicies\n" + parsed.arn();
        NamedPageRequest request = markers.request(scope, list, query);
        return markers.result(scope, list, request, store.listAttachedPolicies(scope, parsed.arn(), request));
    }

    /**
     * For the device plane ({@link dev.certreg.core.policy.DeviceAuthorizer}, behind MQTT authorization): the
     * policies AWS IoT evaluates for a device that authenticated with certificate {@code certificateId} of
     * {@code scope}, each at its default version, "the operative version" (API reference, CreatePolicyVersion), in
     * attachment order. Read as of one commit, so a policy change is seen whole or not at all, and at every call, so
     * a change takes effect at the next decision; empty when none is attached or the certificate does not exist,
     * which the evaluator answers with an implicit deny. Documents are parsed once and kept by their text.
     */
    @Override
    public List<AppliedPolicy> policiesFor(Scope scope, String certificateId) {
        return store.attachedPolicies(scope, scope.certificateArn(certificateId)).stream()
                .map(p -> parsed.applied(p.policyName(), p.document()))
                .toList();
    }

    private void existingCertificate(Scope scope, PolicyTarget target, String given) {
        if (certificates.findDeviceCertificate(scope, target.certificateId()).isEmpty()) {
            throw noTarget(given);
        }
    }

    private static long versionId(String name, String versionId) {
        if (!VERSION_ID.matcher(versionId).matches()) {
            throw noVersion(name, versionId);
        }
        return Long.parseLong(versionId);
    }

    private static ServiceException noPolicy(String name) {
        return ServiceException.notFound("Policy " + name + " does not exist");
    }

    private static ServiceException noVersion(String name, String versionId) {
        return ServiceException.notFound("Version " + versionId + " of policy " + name + " does not exist");
    }

    private static ServiceException noTarget(String target) {
        return ServiceException.notFound("Target " + target + " does not exist");
    }

    private static IllegalStateException unexpected() {
        return new IllegalStateException("the policy store answered an outcome this operation cannot have");
    }

    private Instant now() {
        return Instant.ofEpochMilli(clock.millis());
    }

    private String generationId() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
