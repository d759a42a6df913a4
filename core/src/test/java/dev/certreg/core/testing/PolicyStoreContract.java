package dev.certreg.core.testing;

import static dev.certreg.core.testing.Records.device;
import static dev.certreg.core.testing.Records.id;
import static org.assertj.core.api.Assertions.assertThat;

import dev.certreg.core.AttachedPolicy;
import dev.certreg.core.CertificateStore;
import dev.certreg.core.NamedPageRequest;
import dev.certreg.core.NamedPosition;
import dev.certreg.core.NewVersion;
import dev.certreg.core.Page;
import dev.certreg.core.Policy;
import dev.certreg.core.PolicyStore;
import dev.certreg.core.PolicyVersion;
import dev.certreg.core.PolicyWrite;
import dev.certreg.core.Scope;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * What every {@link PolicyStore} must do, limits and guards under concurrency included. A store's test extends this
 * and supplies a fresh, empty certificate store whose {@link CertificateStore#policies()} is under test.
 */
public abstract class PolicyStoreContract {
    protected static final Scope SCOPE = new Scope("123456789012", "us-east-1");
    protected static final Scope OTHER_ACCOUNT = new Scope("210987654321", "us-east-1");
    private static final Instant T0 = Instant.ofEpochMilli(1_000_000);

    /** The certificate store whose policy store is under test, empty at the start of each test. */
    protected abstract CertificateStore store();

    private PolicyStore policies() {
        return store().policies();
    }

    private static Policy policy(Scope scope, String name, long createdMillis) {
        Instant created = Instant.ofEpochMilli(createdMillis);
        return new Policy(scope, name, 1, "{\"doc\":\"" + name + "\"}", created, created, "g-" + name);
    }

    private String certificate(String name) {
        store().insertDeviceCertificate(device(SCOPE, name, null, 1_000));
        return id(name);
    }

    private static String arn(String certificateId) {
        return SCOPE.certificateArn(certificateId);
    }

    private PolicyWrite attach(String policy, String certificateId) {
        return policies().attachPolicy(SCOPE, policy, certificateId, arn(certificateId), T0, 10);
    }

    @Test
    void aPolicyReadsBackWithVersionOneAsItsDefault() {
        Policy written = policy(SCOPE, "p1", 1_000);
        assertThat(policies().insertPolicy(written)).isTrue();
        assertThat(policies().findPolicy(SCOPE, "p1")).contains(written);
        assertThat(policies().listPolicyVersions(SCOPE, "p1"))
                .containsExactly(new PolicyVersion(1, written.document(), true, written.creationDate()));
        assertThat(policies().findPolicy(OTHER_ACCOUNT, "p1")).isEmpty();
    }

    @Test
    void aSecondPolicyWithTheSameNameIsRefusedAndChangesNothing() {
        assertThat(policies().insertPolicy(policy(SCOPE, "p1", 1_000))).isTrue();
        assertThat(policies().insertPolicy(policy(SCOPE, "p1", 2_000))).isFalse();
        assertThat(policies().findPolicy(SCOPE, "p1").orElseThrow().creationDate().toEpochMilli()).isEqualTo(1_000);
        assertThat(policies().insertPolicy(policy(OTHER_ACCOUNT, "p1", 3_000))).isTrue();
    }

    @Test
    void versionIdsAreNeverReusedAndThePolicyHoldsAtMostTheLimit() {
        policies().insertPolicy(policy(SCOPE, "p1", 1_000));
        for (int i = 2; i <= 5; i++) {
            assertThat(newVersion("p1", i == 3)).isEqualTo(new NewVersion(PolicyWrite.DONE, i));
        }
        assertThat(newVersion("p1", false).outcome()).isEqualTo(PolicyWrite.VERSIONS_LIMIT);
        assertThat(policies().findPolicy(SCOPE, "p1").orElseThrow().defaultVersionId()).isEqualTo(3);
        assertThat(policies().deletePolicyVersion(SCOPE, "p1", 5, T0, "g")).isEqualTo(PolicyWrite.DONE);
        assertThat(newVersion("p1", true)).isEqualTo(new NewVersion(PolicyWrite.DONE, 6));
        assertThat(policies().listPolicyVersions(SCOPE, "p1")).extracting(PolicyVersion::versionId)
                .containsExactly(6L, 4L, 3L, 2L, 1L);
        assertThat(policies().findPolicyVersion(SCOPE, "p1", 6).orElseThrow().isDefault()).isTrue();
        assertThat(newVersion("missing", false).outcome()).isEqualTo(PolicyWrite.NO_POLICY);
    }

    private NewVersion newVersion(String name, boolean setAsDefault) {
        return policies().createPolicyVersion(SCOPE, name, "{\"v\":1}", setAsDefault, T0, "g2", 5);
    }

    @Test
    void theDefaultVersionCannotBeDeletedAndUnknownVersionsAreNamed() {
        policies().insertPolicy(policy(SCOPE, "p1", 1_000));
        newVersion("p1", false);
        assertThat(policies().deletePolicyVersion(SCOPE, "p1", 1, T0, "g")).isEqualTo(PolicyWrite.DEFAULT_VERSION);
        assertThat(policies().deletePolicyVersion(SCOPE, "p1", 9, T0, "g")).isEqualTo(PolicyWrite.NO_VERSION);
        assertThat(policies().deletePolicyVersion(SCOPE, "p9", 1, T0, "g")).isEqualTo(PolicyWrite.NO_POLICY);
        assertThat(policies().setDefaultPolicyVersion(SCOPE, "p1", 9, T0, "g")).isEqualTo(PolicyWrite.NO_VERSION);
        assertThat(policies().setDefaultPolicyVersion(SCOPE, "p1", 2, T0, "g3")).isEqualTo(PolicyWrite.DONE);
        Policy changed = policies().findPolicy(SCOPE, "p1").orElseThrow();
        assertThat(changed.defaultVersionId()).isEqualTo(2);
        assertThat(changed.document()).isEqualTo("{\"v\":1}");
        assertThat(changed.generationId()).isEqualTo("g3");
        assertThat(policies().deletePolicyVersion(SCOPE, "p1", 1, T0, "g")).isEqualTo(PolicyWrite.DONE);
        assertThat(policies().findPolicyVersion(SCOPE, "p1", 1)).isEmpty();
    }

    @Test
    void aPolicyIsNotDeletedWhileAttachedThenWhileItHasOtherVersions() {
        policies().insertPolicy(policy(SCOPE, "p1", 1_000));
        newVersion("p1", false);
        String cert = certificate("d1");
        assertThat(attach("p1", cert)).isEqualTo(PolicyWrite.DONE);
        assertThat(policies().deletePolicy(SCOPE, "p1")).isEqualTo(PolicyWrite.ATTACHED);
        assertThat(policies().detachPolicy(SCOPE, "p1", cert, arn(cert))).isTrue();
        assertThat(policies().deletePolicy(SCOPE, "p1")).isEqualTo(PolicyWrite.EXTRA_VERSIONS);
        policies().deletePolicyVersion(SCOPE, "p1", 2, T0, "g");
        assertThat(policies().deletePolicy(SCOPE, "p1")).isEqualTo(PolicyWrite.DONE);
        assertThat(policies().findPolicy(SCOPE, "p1")).isEmpty();
        assertThat(policies().deletePolicy(SCOPE, "p1")).isEqualTo(PolicyWrite.NO_POLICY);
        assertThat(policies().insertPolicy(policy(SCOPE, "p1", 2_000))).isTrue();
        assertThat(policies().listPolicyVersions(SCOPE, "p1")).hasSize(1);
    }

    @Test
    void attachingTwiceIsOneAttachmentAndDetachingWhatIsNotAttachedChangesNothing() {
        policies().insertPolicy(policy(SCOPE, "p1", 1_000));
        String cert = certificate("d1");
        assertThat(attach("p1", cert)).isEqualTo(PolicyWrite.DONE);
        assertThat(attach("p1", cert)).isEqualTo(PolicyWrite.DONE);
        assertThat(policies().listTargetsForPolicy(SCOPE, "p1", first(10, true)).items())
                .extracting(NamedPosition::name).containsExactly(arn(cert));
        assertThat(policies().detachPolicy(SCOPE, "p1", cert, arn(cert))).isTrue();
        assertThat(policies().detachPolicy(SCOPE, "p1", cert, arn(cert))).isFalse();
        assertThat(policies().detachPolicy(SCOPE, "p9", cert, arn(cert))).isFalse();
        assertThat(policies().deletePolicy(SCOPE, "p1")).isEqualTo(PolicyWrite.DONE);
    }

    @Test
    void anAttachmentNeedsBothThePolicyAndTheCertificate() {
        policies().insertPolicy(policy(SCOPE, "p1", 1_000));
        String cert = certificate("d1");
        assertThat(attach("p9", cert)).isEqualTo(PolicyWrite.NO_POLICY);
        assertThat(attach("p1", id("nothing"))).isEqualTo(PolicyWrite.NO_TARGET);
        assertThat(policies().attachPolicy(OTHER_ACCOUNT, "p1", cert, arn(cert), T0, 10))
                .isEqualTo(PolicyWrite.NO_TARGET);
    }

    @Test
    void aCertificateTakesAtMostTheLimitOfPolicies() {
        String cert = certificate("d1");
        for (int i = 0; i < 11; i++) {
            policies().insertPolicy(policy(SCOPE, "p" + i, 1_000 + i));
        }
        for (int i = 0; i < 10; i++) {
            assertThat(attach("p" + i, cert)).isEqualTo(PolicyWrite.DONE);
        }
        assertThat(attach("p10", cert)).isEqualTo(PolicyWrite.TARGET_LIMIT);
        assertThat(attach("p3", cert)).isEqualTo(PolicyWrite.DONE);
        policies().detachPolicy(SCOPE, "p3", cert, arn(cert));
        assertThat(attach("p10", cert)).isEqualTo(PolicyWrite.DONE);
    }

    @Test
    void racingAttachesNeverPassTheLimit() throws Exception {
        String cert = certificate("d1");
        List<Callable<PolicyWrite>> attaches = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            String name = "p" + i;
            policies().insertPolicy(policy(SCOPE, name, 1_000 + i));
            attaches.add(() -> attach(name, cert));
        }
        assertThat(runAll(attaches).stream().filter(w -> w == PolicyWrite.DONE).count()).isEqualTo(10);
        assertThat(policies().listAttachedPolicies(SCOPE, arn(cert), first(250, true)).items()).hasSize(10);
    }

    @Test
    void racingNewVersionsNeverPassTheLimit() throws Exception {
        policies().insertPolicy(policy(SCOPE, "p1", 1_000));
        List<Callable<PolicyWrite>> creates = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            creates.add(() -> newVersion("p1", true).outcome());
        }
        assertThat(runAll(creates).stream().filter(w -> w == PolicyWrite.DONE).count()).isEqualTo(4);
        assertThat(policies().listPolicyVersions(SCOPE, "p1")).extracting(PolicyVersion::versionId)
                .containsExactly(5L, 4L, 3L, 2L, 1L);
    }

    @Test
    void aPolicyRacingItsAttachmentIsEitherDeletedOrAttachedNeverBoth() throws Exception {
        String cert = certificate("d1");
        for (int i = 0; i < 20; i++) {
            String name = "race" + i;
            policies().insertPolicy(policy(SCOPE, name, 1_000 + i));
            List<Object> outcomes = runAll(List.of(() -> attach(name, cert), () -> policies().deletePolicy(SCOPE, name)));
            boolean deleted = outcomes.get(1) == PolicyWrite.DONE;
            boolean attached = outcomes.get(0) == PolicyWrite.DONE;
            assertThat(deleted ^ attached).as("exactly one of attach and delete wins").isTrue();
            assertThat(policies().findPolicy(SCOPE, name).isPresent()).isEqualTo(attached);
            policies().detachPolicy(SCOPE, name, cert, arn(cert));
        }
    }

    @Test
    void aCertificateWithPoliciesIsDeletedOnlyWhenItsPoliciesGoWithIt() {
        policies().insertPolicy(policy(SCOPE, "p1", 1_000));
        policies().insertPolicy(policy(SCOPE, "p2", 1_001));
        String cert = certificate("d1");
        attach("p1", cert);
        attach("p2", cert);
        assertThat(store().deleteDeviceCertificate(SCOPE, cert, 1)).isFalse();
        assertThat(store().findDeviceCertificate(SCOPE, cert)).isPresent();
        assertThat(store().deleteDeviceCertificate(SCOPE, cert, 1, true)).isTrue();
        assertThat(store().findDeviceCertificate(SCOPE, cert)).isEmpty();
        assertThat(policies().listTargetsForPolicy(SCOPE, "p1", first(10, true)).items()).isEmpty();
        assertThat(policies().attachedPolicies(SCOPE, arn(cert))).isEmpty();
        assertThat(policies().deletePolicy(SCOPE, "p1")).isEqualTo(PolicyWrite.DONE);
        assertThat(policies().deletePolicy(SCOPE, "p2")).isEqualTo(PolicyWrite.DONE);
    }

    @Test
    void theDocumentsOfACertificateAreItsPoliciesDefaultVersions() {
        policies().insertPolicy(policy(SCOPE, "p1", 1_000));
        policies().insertPolicy(policy(SCOPE, "p2", 1_001));
        policies().insertPolicy(policy(SCOPE, "unattached", 1_002));
        String cert = certificate("d1");
        attach("p1", cert);
        attach("p2", cert);
        policies().createPolicyVersion(SCOPE, "p2", "{\"v\":2}", true, T0, "g", 5);
        policies().createPolicyVersion(SCOPE, "p1", "{\"v\":\"not default\"}", false, T0, "g", 5);
        assertThat(policies().attachedPolicies(SCOPE, arn(cert))).containsExactlyInAnyOrder(
                new AttachedPolicy("p1", "{\"doc\":\"p1\"}"), new AttachedPolicy("p2", "{\"v\":2}"));
        assertThat(policies().attachedPolicies(OTHER_ACCOUNT, arn(cert))).isEmpty();
    }

    @Test
    void policyPagesWalkEveryPolicyOnceInBothOrdersWithTiesBrokenByName() {
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 23; i++) {
            String name = "p" + (char) ('a' + i);
            policies().insertPolicy(policy(SCOPE, name, 1_000 + i / 3));
            expected.add(name);
        }
        policies().insertPolicy(policy(OTHER_ACCOUNT, "other", 1_000));
        assertThat(walk(request -> policies().listPolicies(SCOPE, request), true)).isEqualTo(expected);
        List<String> newestFirst = new ArrayList<>(expected);
        Collections.reverse(newestFirst);
        assertThat(walk(request -> policies().listPolicies(SCOPE, request), false)).isEqualTo(newestFirst);
    }

    @Test
    void attachmentPagesWalkInAttachmentOrder() {
        policies().insertPolicy(policy(SCOPE, "p1", 1_000));
        List<String> targets = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            String cert = certificate("d" + i);
            policies().attachPolicy(SCOPE, "p1", cert, arn(cert), Instant.ofEpochMilli(5_000 + i / 2), 10);
            policies().insertPolicy(policy(SCOPE, "q" + i, 1_000));
            policies().attachPolicy(SCOPE, "q" + i, cert, arn(cert), T0, 10);
            targets.add(arn(cert));
        }
        List<String> expected = targets.stream().sorted((a, b) -> {
            int byTime = Integer.compare(targets.indexOf(a) / 2, targets.indexOf(b) / 2);
            return byTime != 0 ? byTime : a.compareTo(b);
        }).toList();
        assertThat(walk(request -> policies().listTargetsForPolicy(SCOPE, "p1", request), true)).isEqualTo(expected);
        String cert = id("d0");
        assertThat(walk(request -> policies().listAttachedPolicies(SCOPE, arn(cert), request), true))
                .containsExactly("p1", "q0");
    }

    private static List<String> walk(java.util.function.Function<NamedPageRequest, Page<NamedPosition>> read,
            boolean ascending) {
        List<String> names = new ArrayList<>();
        Optional<NamedPosition> after = Optional.empty();
        for (int pages = 0; pages < 100; pages++) {
            Page<NamedPosition> page = read.apply(new NamedPageRequest(4, ascending, after));
            page.items().forEach(item -> names.add(item.name()));
            if (!page.hasMore()) {
                return names;
            }
            after = Optional.of(page.items().get(page.items().size() - 1));
        }
        throw new AssertionError("the walk did not end");
    }

    private static NamedPageRequest first(int limit, boolean ascending) {
        return new NamedPageRequest(limit, ascending, Optional.empty());
    }

    @SuppressWarnings("unchecked")
    private static <T> List<T> runAll(List<? extends Callable<? extends T>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(tasks.size(), 16));
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<? extends T> task : tasks) {
                futures.add(pool.submit((Callable<T>) task));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdown();
        }
    }
}
