package dev.certreg.core.testing;

import static dev.certreg.core.testing.Records.ca;
import static dev.certreg.core.testing.Records.device;
import static dev.certreg.core.testing.Records.id;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.certreg.core.CaCertificate;
import dev.certreg.core.CaCertificateStatus;
import dev.certreg.core.CaInsertOutcome;
import dev.certreg.core.CertificateLists;
import dev.certreg.core.CertificateMode;
import dev.certreg.core.CertificateStatus;
import dev.certreg.core.CertificateStore;
import dev.certreg.core.DeviceCertificate;
import dev.certreg.core.ListBinding;
import dev.certreg.core.ListKind;
import dev.certreg.core.ListQuery;
import dev.certreg.core.ListResult;
import dev.certreg.core.ListedCertificate;
import dev.certreg.core.MarkerCodec;
import dev.certreg.core.Page;
import dev.certreg.core.PageRequest;
import dev.certreg.core.Scope;
import dev.certreg.core.Tag;
import dev.certreg.core.TransferData;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** What every {@link CertificateStore} must do. A store's test extends this and supplies a fresh, empty store. */
public abstract class CertificateStoreContract {
    protected static final Scope SCOPE = new Scope("123456789012", "us-east-1");
    protected static final Scope OTHER_ACCOUNT = new Scope("210987654321", "us-east-1");
    protected static final Scope OTHER_REGION = new Scope("123456789012", "eu-west-1");
    private static final int WALK_STABLE = 300;
    private static final long WALK_START_MILLIS = 1_000_000;

    /** The store under test, empty at the start of each test. */
    protected abstract CertificateStore store();

    /**
     * The message of the store's exception for a value the database refuses (a tag key that is null): it names the
     * database's code for the failure, never the statement or the row.
     */
    protected abstract String notNullFailureMessage();

    @Test
    void aDeviceCertificateReadsBackAsWritten() {
        DeviceCertificate written = device(SCOPE, "d1", "ca", 1_000);
        assertThat(store().insertDeviceCertificate(written)).isTrue();
        assertThat(store().findDeviceCertificate(SCOPE, written.certificateId())).contains(written);
    }

    @Test
    void aCaCertificateReadsBackWithItsTagsAndConfig() {
        CaCertificate written = ca(SCOPE, "ca", CertificateMode.DEFAULT, "template-1", 1_000);
        assertThat(insertCa(written)).isEqualTo(CaInsertOutcome.INSERTED);
        assertThat(store().findCaCertificate(SCOPE, written.certificateId())).contains(written);
        assertThat(store().findCaCertificatesBySubject(SCOPE, "CN=ca")).extracting(CaCertificate::certificateId)
                .containsExactly(written.certificateId());
    }

    @Test
    void aSecondInsertOfTheSameIdIsRefused() {
        assertThat(store().insertDeviceCertificate(device(SCOPE, "d1", "ca", 1_000))).isTrue();
        assertThat(store().insertDeviceCertificate(device(SCOPE, "d1", "ca", 2_000))).isFalse();
        assertThat(store().findDeviceCertificate(SCOPE, id("d1")).orElseThrow().audit().creationDate())
                .hasToString("1970-01-01T00:00:01Z");
    }

    @Test
    void scopesNeverSeeEachOther() {
        store().insertDeviceCertificate(device(SCOPE, "d1", "ca", 1_000));
        insertCa(ca(SCOPE, "ca", CertificateMode.SNI_ONLY, null, 1_000));
        for (Scope other : List.of(OTHER_ACCOUNT, OTHER_REGION)) {
            assertThat(store().findDeviceCertificate(other, id("d1"))).isEmpty();
            assertThat(store().findCaCertificate(other, id("ca"))).isEmpty();
            assertThat(store().listDeviceCertificatesByCa(other, id("ca"), first(10, false)).items()).isEmpty();
            assertThat(store().listDeviceCertificates(other, first(10, false)).items()).isEmpty();
            assertThat(store().listCaCertificates(other, null, first(10, false)).items()).isEmpty();
            assertThat(store().insertDeviceCertificate(device(other, "d1", "ca", 1_000))).isTrue();
        }
    }

    @Test
    void aLookupByIdAloneFindsTheRegistrationsOfEveryAccountAndRegion() {
        store().insertDeviceCertificate(device(SCOPE, "d1", "ca", 1_000));
        store().insertDeviceCertificate(device(OTHER_REGION, "d1", "ca", 2_000));
        store().insertDeviceCertificate(device(OTHER_ACCOUNT, "d2", "ca", 3_000));
        insertCa(ca(SCOPE, "ca", CertificateMode.SNI_ONLY, null, 1_000));
        insertCa(ca(OTHER_ACCOUNT, "ca", CertificateMode.SNI_ONLY, null, 2_000));
        assertThat(store().findDeviceCertificatesById(id("d1"))).extracting(DeviceCertificate::scope)
                .containsExactlyInAnyOrder(SCOPE, OTHER_REGION);
        assertThat(store().findCaCertificatesById(id("ca"))).extracting(CaCertificate::scope)
                .containsExactlyInAnyOrder(SCOPE, OTHER_ACCOUNT);
        assertThat(store().findDeviceCertificatesById(id("d3"))).isEmpty();
    }

    @Test
    void onlyOneAccountOfARegionHoldsACaInDefaultMode() {
        assertThat(insertCa(ca(SCOPE, "ca", CertificateMode.DEFAULT, null, 1))).isEqualTo(CaInsertOutcome.INSERTED);
        assertThat(insertCa(ca(OTHER_ACCOUNT, "ca", CertificateMode.DEFAULT, null, 2)))
                .isEqualTo(CaInsertOutcome.DEFAULT_MODE_HELD_ELSEWHERE);
        assertThat(store().findCaCertificate(OTHER_ACCOUNT, id("ca"))).isEmpty();
        assertThat(insertCa(ca(OTHER_ACCOUNT, "ca", CertificateMode.SNI_ONLY, null, 3)))
                .isEqualTo(CaInsertOutcome.INSERTED);
        assertThat(insertCa(ca(OTHER_REGION, "ca", CertificateMode.DEFAULT, null, 4)))
                .isEqualTo(CaInsertOutcome.INSERTED);
    }

    @Test
    void aRefusedCaInsertSaysWhyInTheDocumentedOrder() {
        CaCertificate first = ca(SCOPE, "ca", CertificateMode.DEFAULT, null, 1);
        assertThat(store().insertCaCertificate(first, 1)).isEqualTo(CaInsertOutcome.INSERTED);
        assertThat(store().insertCaCertificate(first, 1)).isEqualTo(CaInsertOutcome.ALREADY_IN_SCOPE);
        assertThat(store().insertCaCertificate(withSubject(ca(SCOPE, "other", CertificateMode.SNI_ONLY, null, 2),
                first.subject()), 1)).isEqualTo(CaInsertOutcome.SUBJECT_LIMIT_REACHED);
        assertThat(store().insertCaCertificate(withSubject(ca(SCOPE, "other", CertificateMode.SNI_ONLY, null, 2),
                first.subject()), 2)).isEqualTo(CaInsertOutcome.INSERTED);
        assertThat(store().findCaCertificatesBySubject(SCOPE, first.subject())).hasSize(2);
    }

    @Test
    void twentyConcurrentCasWithOneSubjectStopAtTheLimit() throws Exception {
        List<Callable<CaInsertOutcome>> racers = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            CaCertificate ca = withSubject(ca(SCOPE, "ca-" + i, CertificateMode.SNI_ONLY, null, i), "CN=shared");
            racers.add(() -> store().insertCaCertificate(ca, 10));
        }
        assertThat(runTogether(racers)).filteredOn(CaInsertOutcome.INSERTED::equals).hasSize(10);
        assertThat(store().findCaCertificatesBySubject(SCOPE, "CN=shared")).hasSize(10);
    }

    @Test
    void concurrentInsertsOfOneIdHaveExactlyOneWinnerAndDistinctOnesAllLand() throws Exception {
        List<Callable<Boolean>> same = new ArrayList<>();
        List<Callable<Boolean>> distinct = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            int n = i;
            same.add(() -> store().insertDeviceCertificate(device(SCOPE, "contested", "ca", n)));
            distinct.add(() -> store().insertDeviceCertificate(device(SCOPE, "d" + n, "ca", n)));
        }
        assertThat(runTogether(same)).filteredOn(won -> won).hasSize(1);
        assertThat(runTogether(distinct)).containsOnly(true);
        assertThat(store().listDeviceCertificates(SCOPE, first(250, true)).items()).hasSize(65);
    }

    @Test
    void concurrentCallersAgreeOnOneRegistrationCode() throws Exception {
        List<Callable<String>> callers = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            String candidate = "code-" + i;
            callers.add(() -> store().registrationCode(SCOPE, candidate));
        }
        List<String> codes = runTogether(callers);
        assertThat(Set.copyOf(codes)).hasSize(1);
        assertThat(store().findRegistrationCode(SCOPE)).contains(codes.get(0));
    }

    @Test
    void onlyOneOfManyAccountsRacingForTheSameDefaultModeCaWins() throws Exception {
        List<Callable<CaInsertOutcome>> racers = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            Scope account = new Scope(String.format("%012d", i), "us-east-1");
            racers.add(() -> insertCa(ca(account, "ca", CertificateMode.DEFAULT, null, 1)));
        }
        assertThat(runTogether(racers)).filteredOn(CaInsertOutcome.INSERTED::equals).hasSize(1);
    }

    @Test
    void aCaWhoseTagsCannotBeStoredIsNotStoredAndTheFailureShowsNeitherStatementNorRow() {
        CaCertificate valid = ca(SCOPE, "ca", CertificateMode.SNI_ONLY, null, 1);
        CaCertificate badTag = new CaCertificate(SCOPE, valid.certificateId(), valid.certificatePem(),
                valid.subject(), valid.status(), valid.autoRegistrationStatus(), valid.mode(),
                valid.registrationConfig(), valid.validity(), valid.audit(),
                List.of(new Tag("team", "fleet"), new Tag(null, "a tag key may not be null")));
        assertThatThrownBy(() -> insertCa(badTag)).hasMessage(notNullFailureMessage())
                .cause().hasMessageContaining("tag_key");
        assertThat(store().findCaCertificate(SCOPE, valid.certificateId())).isEmpty();
        assertThat(insertCa(valid)).isEqualTo(CaInsertOutcome.INSERTED);
    }

    @Test
    void certificateIdsSortInByteOrder() {
        for (String id : List.of("b", "B", "a", "_", "A")) {
            store().insertDeviceCertificate(withId(device(SCOPE, id, "ca", 1_000), id));
        }
        assertThat(walk(r -> store().listDeviceCertificates(SCOPE, r), 2, true))
                .containsExactly("A", "B", "_", "a", "b");
    }

    @Test
    void deviceCertificatesAreCountedByStatusOverEveryScope() {
        assertThat(store().countDeviceCertificatesByStatus().getOrDefault(CertificateStatus.ACTIVE, 0L)).isZero();
        DeviceCertificate first = device(SCOPE, "d1", "ca", 1_000);
        store().insertDeviceCertificate(first);
        store().insertDeviceCertificate(device(OTHER_ACCOUNT, "d2", "ca", 1_000));
        store().insertDeviceCertificate(device(OTHER_REGION, "d3", "ca", 1_000));
        store().replaceDeviceCertificate(withStatus(first, CertificateStatus.REVOKED), 1);

        Map<CertificateStatus, Long> counts = store().countDeviceCertificatesByStatus();

        assertThat(counts).containsEntry(CertificateStatus.REVOKED, 1L);
        assertThat(counts.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(3);
        store().checkReady();
    }

    @Test
    void aReplaceBasedOnAStaleVersionChangesNothing() {
        DeviceCertificate original = device(SCOPE, "d1", "ca", 1_000);
        store().insertDeviceCertificate(original);
        DeviceCertificate revoked = withStatus(original, CertificateStatus.REVOKED);
        assertThat(store().replaceDeviceCertificate(revoked, 1)).isTrue();
        assertThat(store().replaceDeviceCertificate(withStatus(original, CertificateStatus.INACTIVE), 1)).isFalse();
        assertThat(store().findDeviceCertificate(SCOPE, id("d1"))).contains(revoked);
        assertThat(store().deleteDeviceCertificate(SCOPE, id("d1"), 1)).isFalse();
        assertThat(store().deleteDeviceCertificate(SCOPE, id("d1"), 2)).isTrue();
        assertThat(store().findDeviceCertificate(SCOPE, id("d1"))).isEmpty();
    }

    @Test
    void aCaReplaceAndDeleteAreConditionalToo() {
        CaCertificate original = ca(SCOPE, "ca", CertificateMode.DEFAULT, "t", 1_000);
        insertCa(original);
        CaCertificate inactive = new CaCertificate(SCOPE, original.certificateId(), original.certificatePem(),
                original.subject(), CaCertificateStatus.INACTIVE, original.autoRegistrationStatus(), original.mode(),
                null, original.validity(), Records.changed(original.audit()), original.tags());
        assertThat(store().replaceCaCertificate(inactive, 1)).isTrue();
        assertThat(store().replaceCaCertificate(inactive, 1)).isFalse();
        assertThat(store().findCaCertificate(SCOPE, original.certificateId())).contains(inactive);
        assertThat(store().deleteCaCertificate(SCOPE, original.certificateId(), 1)).isFalse();
        assertThat(store().deleteCaCertificate(SCOPE, original.certificateId(), 2)).isTrue();
    }

    @Test
    void listsAreNewestFirstOrOldestFirstWithTiesBrokenById() {
        for (int i = 0; i < 6; i++) {
            store().insertDeviceCertificate(device(SCOPE, "d" + i, "ca", 1_000 + i / 2));
        }
        List<String> ascending = walk(r -> store().listDeviceCertificatesByCa(SCOPE, id("ca"), r), 4, true);
        List<String> descending = walk(r -> store().listDeviceCertificates(SCOPE, r), 4, false);
        Comparator<DeviceCertificate> order = Comparator
                .comparing((DeviceCertificate d) -> d.audit().creationDate()).thenComparing(d -> d.certificateId());
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            expected.add(id("d" + i));
        }
        expected.sort(Comparator.comparing(
                (String id) -> store().findDeviceCertificate(SCOPE, id).orElseThrow(), order));
        assertThat(ascending).containsExactlyElementsOf(expected);
        List<String> newestFirst = new ArrayList<>(expected);
        Collections.reverse(newestFirst);
        assertThat(descending).containsExactlyElementsOf(newestFirst);
    }

    @Test
    void pagesChainWithoutGapsOrRepeatsAndTheLastSaysNoMore() {
        for (int i = 0; i < 7; i++) {
            store().insertDeviceCertificate(device(SCOPE, "d" + i, "ca", 1_000 + i));
        }
        Page<ListedCertificate> firstPage = store().listDeviceCertificatesByCa(SCOPE, id("ca"), first(3, true));
        assertThat(firstPage.hasMore()).isTrue();
        Page<ListedCertificate> last = store().listDeviceCertificatesByCa(SCOPE, id("ca"),
                new PageRequest(4, true, Optional.of(firstPage.items().get(2).key())));
        assertThat(last.items()).extracting(ListedCertificate::certificateId)
                .containsExactly(id("d3"), id("d4"), id("d5"), id("d6"));
        assertThat(last.hasMore()).isFalse();
    }

    @Test
    void listByCaListsOnlyThatCasCertificatesAndItemsCarryStatusAndMode() {
        store().insertDeviceCertificate(device(SCOPE, "a1", "caA", 1));
        store().insertDeviceCertificate(device(SCOPE, "b1", "caB", 2));
        store().insertDeviceCertificate(device(SCOPE, "none", null, 3));
        assertThat(store().listDeviceCertificatesByCa(SCOPE, id("caA"), first(10, false)).items())
                .containsExactly(new ListedCertificate(id("a1"), "ACTIVE", CertificateMode.DEFAULT,
                        java.time.Instant.ofEpochMilli(1)));
        assertThat(store().listDeviceCertificates(SCOPE, first(10, true)).items()).hasSize(3);
    }

    @Test
    void caListsFilterOnTheTemplateName() {
        insertCa(ca(SCOPE, "ca1", CertificateMode.SNI_ONLY, "t1", 1));
        insertCa(ca(SCOPE, "ca2", CertificateMode.SNI_ONLY, "t2", 2));
        insertCa(ca(SCOPE, "ca3", CertificateMode.SNI_ONLY, null, 3));
        assertThat(store().listCaCertificates(SCOPE, "t2", first(10, true)).items())
                .extracting(ListedCertificate::certificateId).containsExactly(id("ca2"));
        assertThat(store().listCaCertificates(SCOPE, null, first(10, true)).items()).hasSize(3);
    }

    @Test
    void theRegistrationCodeIsStableUntilDeleted() {
        assertThat(store().findRegistrationCode(SCOPE)).isEmpty();
        assertThat(store().registrationCode(SCOPE, "first")).isEqualTo("first");
        assertThat(store().registrationCode(SCOPE, "second")).isEqualTo("first");
        assertThat(store().findRegistrationCode(OTHER_REGION)).isEmpty();
        assertThat(store().deleteRegistrationCode(SCOPE)).isTrue();
        assertThat(store().deleteRegistrationCode(SCOPE)).isFalse();
        assertThat(store().registrationCode(SCOPE, "third")).isEqualTo("third");
    }

    @Test
    void aWalkThroughMarkersSeesEveryStableCertificateOnceAndInOrderWhileOthersComeAndGo() throws Exception {
        AtomicLong clock = new AtomicLong(WALK_START_MILLIS);
        List<String> stable = new ArrayList<>();
        for (int i = 0; i < WALK_STABLE; i++) {
            store().insertDeviceCertificate(device(SCOPE, "stable-" + i, "ca", clock.getAndAdd(3)));
            stable.add(id("stable-" + i));
        }
        for (boolean ascending : new boolean[] {true, false}) {
            List<String> inListOrder = new ArrayList<>(stable);
            if (!ascending) {
                Collections.reverse(inListOrder);
            }
            assertThat(walkWhileChurning(clock, ascending)).filteredOn(Set.copyOf(stable)::contains)
                    .containsExactlyElementsOf(inListOrder);
        }
    }

    /** Walks the CA's list through markers while two threads register and delete its certificates. */
    private List<String> walkWhileChurning(AtomicLong clock, boolean ascending) throws Exception {
        AtomicBoolean walking = new AtomicBoolean(true);
        CountDownLatch churning = new CountDownLatch(2);
        ExecutorService writers = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> churned = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                String prefix = "transient-" + ascending + "-" + t + "-";
                churned.add(writers.submit(() -> churn(clock, prefix, walking, churning)));
            }
            assertThat(churning.await(60, TimeUnit.SECONDS)).isTrue();
            List<String> seen = walkThroughMarkers(ascending);
            walking.set(false);
            for (Future<Integer> writer : churned) {
                assertThat(writer.get(60, TimeUnit.SECONDS)).isPositive();
            }
            return seen;
        } finally {
            walking.set(false);
            writers.shutdown();
        }
    }

    /** Every id of the CA's list, read page by page through the sealed markers the API hands out. */
    private List<String> walkThroughMarkers(boolean ascending) {
        CertificateLists lists = new CertificateLists(new MarkerCodec(new byte[32]));
        ListBinding binding = new ListBinding(ListKind.CERTIFICATES_BY_CA, id("ca"), ascending);
        List<String> seen = new ArrayList<>();
        String marker = null;
        for (int pages = 0; pages < 10_000; pages++) {
            ListResult page = lists.page(SCOPE, binding, new ListQuery(7, marker, ascending),
                    request -> store().listDeviceCertificatesByCa(SCOPE, id("ca"), request));
            page.certificates().stream().map(ListedCertificate::certificateId).forEach(seen::add);
            if (page.nextMarker().isEmpty()) {
                return seen;
            }
            marker = page.nextMarker().get();
        }
        throw new AssertionError("the walk did not end");
    }

    /**
     * Registers certificates at new and old positions of the CA's list, deleting every third again, until told to
     * stop (or for at most 5,000 rounds). Counts {@code started} down once its first round is over.
     */
    private int churn(AtomicLong clock, String prefix, AtomicBoolean walking, CountDownLatch started) {
        int n = 0;
        try {
            churnOnce(clock, prefix, n++);
        } finally {
            started.countDown();
        }
        while (walking.get() && n < 5_000) {
            churnOnce(clock, prefix, n++);
        }
        return n;
    }

    private void churnOnce(AtomicLong clock, String prefix, int n) {
        long created = n % 2 == 0 ? clock.getAndIncrement() : WALK_START_MILLIS + (n * 7L) % (WALK_STABLE * 3);
        store().insertDeviceCertificate(device(SCOPE, prefix + n, "ca", created));
        if (n % 3 == 0) {
            store().deleteDeviceCertificate(SCOPE, id(prefix + n), 1);
        }
    }

    @Test
    void aCertificateOfferedToAnAccountCannotAlsoBeRegisteredByIt() {
        DeviceCertificate original = device(SCOPE, "d1", "ca", 1_000);
        store().insertDeviceCertificate(original);
        assertThat(store().replaceDeviceCertificate(offered(original, OTHER_ACCOUNT), 1)).isTrue();
        assertThat(store().insertDeviceCertificate(device(OTHER_ACCOUNT, "d1", "ca", 2_000))).isFalse();
        assertThat(store().findDeviceCertificate(OTHER_ACCOUNT, id("d1"))).isEmpty();
        assertThat(store().insertDeviceCertificate(device(OTHER_REGION, "d1", "ca", 2_000))).isTrue();
    }

    @Test
    void aCertificateCannotBeOfferedToAnAccountThatHoldsItOrIsOfferedItByAnother() {
        Scope third = new Scope("333333333333", SCOPE.region());
        store().insertDeviceCertificate(device(OTHER_ACCOUNT, "d1", "ca", 1_000));
        store().insertDeviceCertificate(device(SCOPE, "d1", "ca", 1_000));
        store().insertDeviceCertificate(device(third, "d1", "ca", 1_000));
        assertThat(store().replaceDeviceCertificate(offered(device(SCOPE, "d1", "ca", 1_000), OTHER_ACCOUNT), 1))
                .isFalse();
        assertThat(store().deleteDeviceCertificate(OTHER_ACCOUNT, id("d1"), 1)).isTrue();
        assertThat(store().replaceDeviceCertificate(offered(device(SCOPE, "d1", "ca", 1_000), OTHER_ACCOUNT), 1))
                .isTrue();
        assertThat(store().replaceDeviceCertificate(offered(device(third, "d1", "ca", 1_000), OTHER_ACCOUNT), 1))
                .isFalse();
        assertThat(walk(r -> store().listDeviceCertificates(OTHER_ACCOUNT, r), 10, true)).containsExactly(id("d1"));
    }

    @Test
    void anOfferRacingTheTargetsOwnRegistrationHasExactlyOneWinner() throws Exception {
        for (int round = 0; round < 25; round++) {
            DeviceCertificate source = device(SCOPE, "raced-" + round, "ca", round);
            DeviceCertificate targetsOwn = device(OTHER_ACCOUNT, "raced-" + round, "ca", round);
            store().insertDeviceCertificate(source);
            List<Callable<Boolean>> racers = List.of(
                    () -> store().replaceDeviceCertificate(offered(source, OTHER_ACCOUNT), 1),
                    () -> store().insertDeviceCertificate(targetsOwn));
            assertThat(runTogether(racers)).as("round %d", round).containsExactlyInAnyOrder(true, false);
        }
        List<String> listed = walk(r -> store().listDeviceCertificates(OTHER_ACCOUNT, r), 100, true);
        assertThat(listed).hasSize(25).doesNotHaveDuplicates();
    }

    @Test
    void aPendingTransferIsFoundByItsTargetWithTheSourceAsOwnerAndKeepsItsData() {
        DeviceCertificate original = device(SCOPE, "d1", "ca", 1_000);
        store().insertDeviceCertificate(original);
        DeviceCertificate offered = offered(original, OTHER_ACCOUNT);
        assertThat(store().replaceDeviceCertificate(offered, 1)).isTrue();
        assertThat(store().findPendingTransfer(OTHER_ACCOUNT, id("d1"))).contains(offered);
        assertThat(store().findDeviceCertificate(SCOPE, id("d1"))).contains(offered);
        assertThat(store().findDeviceCertificate(OTHER_ACCOUNT, id("d1"))).isEmpty();
        assertThat(store().findPendingTransfer(new Scope(OTHER_ACCOUNT.account(), "eu-west-1"), id("d1"))).isEmpty();
    }

    @Test
    void anAcceptedTransferMovesTheCertificateToItsTargetOnlyOnce() {
        DeviceCertificate offered = offered(device(SCOPE, "d1", "ca", 1_000), OTHER_ACCOUNT);
        store().insertDeviceCertificate(offered);
        DeviceCertificate accepted = accepted(offered);
        assertThat(store().acceptDeviceCertificateTransfer(accepted, 1)).isTrue();
        assertThat(store().acceptDeviceCertificateTransfer(accepted, 1)).isFalse();
        assertThat(store().findDeviceCertificate(SCOPE, id("d1"))).isEmpty();
        assertThat(store().findPendingTransfer(OTHER_ACCOUNT, id("d1"))).isEmpty();
        assertThat(store().findDeviceCertificate(OTHER_ACCOUNT, id("d1"))).contains(accepted);
        assertThat(walk(r -> store().listDeviceCertificates(SCOPE, r), 5, true)).isEmpty();
        assertThat(walk(r -> store().listDeviceCertificatesByCa(OTHER_ACCOUNT, id("ca"), r), 5, true))
                .containsExactly(id("d1"));
    }

    @Test
    void anOfferOrAcceptIsRefusedWithoutWritingWhenTheTargetHoldsTheSameId() {
        DeviceCertificate targetsOwn = device(OTHER_ACCOUNT, "d1", "ca", 2_000);
        store().insertDeviceCertificate(targetsOwn);
        DeviceCertificate offered = offered(device(SCOPE, "d1", "ca", 1_000), OTHER_ACCOUNT);
        assertThat(store().insertDeviceCertificate(offered)).isFalse();
        assertThat(store().acceptDeviceCertificateTransfer(accepted(offered), 1)).isFalse();
        assertThat(store().findDeviceCertificate(SCOPE, id("d1"))).isEmpty();
        assertThat(store().findDeviceCertificate(OTHER_ACCOUNT, id("d1"))).contains(targetsOwn);
    }

    @Test
    void theTargetsListMergesItsOwnAndPendingCertificatesInOrderAcrossPages() {
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            Scope owner = i % 3 == 0 ? SCOPE : OTHER_ACCOUNT;
            DeviceCertificate d = device(owner, "d" + i, "ca", 1_000 + i / 2);
            store().insertDeviceCertificate(i % 3 == 0 ? offered(d, OTHER_ACCOUNT) : d);
            expected.add(id("d" + i));
        }
        store().insertDeviceCertificate(device(SCOPE, "kept", "ca", 1_003));
        expected.sort(Comparator.comparing((String id) -> store().findDeviceCertificate(OTHER_ACCOUNT, id)
                .or(() -> store().findPendingTransfer(OTHER_ACCOUNT, id)).orElseThrow().audit().creationDate())
                .thenComparing(id -> id));
        for (int pageSize : new int[] {1, 2, 4, 20}) {
            assertThat(walk(r -> store().listDeviceCertificates(OTHER_ACCOUNT, r), pageSize, true))
                    .containsExactlyElementsOf(expected);
        }
        List<String> newestFirst = new ArrayList<>(expected);
        Collections.reverse(newestFirst);
        assertThat(walk(r -> store().listDeviceCertificates(OTHER_ACCOUNT, r), 2, false))
                .containsExactlyElementsOf(newestFirst);
        assertThat(walk(r -> store().listDeviceCertificatesByCa(OTHER_ACCOUNT, id("ca"), r), 20, true)).hasSize(6);
    }

    @Test
    void aBatchStoresEachNewCertificateAndRefusesDuplicatesById() {
        DeviceCertificate held = device(SCOPE, "d1", "ca", 1_000);
        store().insertDeviceCertificate(held);
        List<DeviceCertificate> batch = List.of(device(SCOPE, "d2", "ca", 2_000), device(SCOPE, "d1", "ca", 2_000),
                device(SCOPE, "d3", "ca", 2_000), device(SCOPE, "d2", "ca", 3_000), device(OTHER_ACCOUNT, "d1", "ca",
                2_000));
        assertThat(store().insertDeviceCertificates(batch)).containsExactly(true, false, true, false, true);
        assertThat(store().findDeviceCertificate(SCOPE, id("d1"))).contains(held);
        assertThat(store().findDeviceCertificate(SCOPE, id("d2"))).contains(batch.get(0));
        assertThat(store().findDeviceCertificate(SCOPE, id("d3"))).contains(batch.get(2));
        assertThat(store().findDeviceCertificate(OTHER_ACCOUNT, id("d1"))).contains(batch.get(4));
        assertThat(store().insertDeviceCertificates(List.of())).isEmpty();
    }

    @Test
    void aBatchRefusesAnotherSpellingOfAHeldOrAnEarlierCertificate() {
        store().insertDeviceCertificate(device(SCOPE, "d1", "ca", 1_000));
        DeviceCertificate d2 = device(SCOPE, "d2", "ca", 2_000);
        List<DeviceCertificate> batch = List.of(spelledAs(device(SCOPE, "d1", "ca", 2_000), "d1 again"), d2,
                spelledAs(d2, "d2 again"), spelledAs(device(OTHER_REGION, "d1", "ca", 2_000), "d1 elsewhere"));
        assertThat(store().insertDeviceCertificates(batch)).containsExactly(false, true, false, true);
        assertThat(store().findDeviceCertificate(SCOPE, id("d1 again"))).isEmpty();
        assertThat(store().findDeviceCertificate(SCOPE, id("d2 again"))).isEmpty();
        assertThat(store().findDeviceCertificate(OTHER_REGION, id("d1 elsewhere"))).isPresent();
    }

    @Test
    void aBatchRefusesWhatAnotherAccountOffersToTheOwnerAsSingleInsertsInOrderWould() {
        store().insertDeviceCertificate(offered(device(OTHER_ACCOUNT, "d1", "ca", 1_000), SCOPE));
        List<DeviceCertificate> batch = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            batch.add(device(SCOPE, i == 400 ? "d1" : "n" + i, "ca", 2_000 + i));
        }
        batch.add(offered(device(OTHER_ACCOUNT, "d2", "ca", 3_000), SCOPE));
        batch.add(device(SCOPE, "d2", "ca", 3_001));
        batch.add(offered(device(OTHER_ACCOUNT, "n0", "ca", 3_002), SCOPE));
        List<Boolean> stored = store().insertDeviceCertificates(batch);
        assertThat(stored.get(400)).isFalse();
        assertThat(stored.subList(0, 400)).containsOnly(true);
        assertThat(stored.subList(401, 600)).containsOnly(true);
        assertThat(stored.subList(600, 603)).containsExactly(true, false, false);
        assertThat(store().findDeviceCertificate(SCOPE, id("d1"))).isEmpty();
        assertThat(store().findPendingTransfer(SCOPE, id("d2"))).isPresent();
        assertThat(store().findDeviceCertificate(SCOPE, id("d2"))).isEmpty();
        assertThat(store().findDeviceCertificate(OTHER_ACCOUNT, id("n0"))).isEmpty();
        assertThat(walk(r -> store().listDeviceCertificatesByCa(SCOPE, id("ca"), r), 250, true)).hasSize(599);
    }

    @Test
    void concurrentBatchesOfTheSameCertificatesStoreEachOnce() throws Exception {
        List<DeviceCertificate> certificates = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            certificates.add(device(SCOPE, "d" + i, "ca", 1_000 + i));
        }
        List<Callable<List<Boolean>>> racers = new ArrayList<>();
        for (int r = 0; r < 4; r++) {
            List<DeviceCertificate> order = new ArrayList<>(certificates);
            Collections.rotate(order, r * 50);
            if (r % 2 == 1) {
                Collections.reverse(order);
            }
            racers.add(() -> store().insertDeviceCertificates(order));
        }
        long stored = runTogether(racers).stream().flatMap(List::stream).filter(Boolean::booleanValue).count();
        assertThat(stored).isEqualTo(200);
        assertThat(walk(r -> store().listDeviceCertificatesByCa(SCOPE, id("ca"), r), 250, true)).hasSize(200);
    }

    /** {@code d} under another id: another spelling of the same certificate, as the store tells them apart. */
    private static DeviceCertificate spelledAs(DeviceCertificate d, String name) {
        return new DeviceCertificate(d.scope(), id(name), d.certificatePem(), d.caCertificateId(), d.status(),
                d.mode(), d.validity(), d.audit());
    }

    private CaInsertOutcome insertCa(CaCertificate ca) {
        return store().insertCaCertificate(ca, 10);
    }

    private static CaCertificate withSubject(CaCertificate ca, String subject) {
        return new CaCertificate(ca.scope(), ca.certificateId(), ca.certificatePem(), subject, ca.status(),
                ca.autoRegistrationStatus(), ca.mode(), ca.registrationConfig(), ca.validity(), ca.audit(), ca.tags());
    }

    /** Runs {@code tasks} on as many threads, released together; their results in task order. */
    protected static <T> List<T> runTogether(List<Callable<T>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        CyclicBarrier start = new CyclicBarrier(tasks.size());
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> task : tasks) {
                futures.add(pool.submit(() -> {
                    start.await(60, TimeUnit.SECONDS);
                    return task.call();
                }));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(60, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private static DeviceCertificate offered(DeviceCertificate d, Scope target) {
        TransferData offer = TransferData.NONE.offered(target.account(), "take it", Instant.ofEpochMilli(5_000));
        return d.changed(d.scope(), CertificateStatus.PENDING_TRANSFER, offer, d.audit());
    }

    private static DeviceCertificate accepted(DeviceCertificate offered) {
        Scope target = new Scope(offered.transfer().targetAccount(), offered.scope().region());
        TransferData accepted = offered.transfer().accepted(offered.scope().account(), Instant.ofEpochMilli(6_000));
        return offered.changed(target, CertificateStatus.ACTIVE, accepted, Records.changed(offered.audit()));
    }

    protected static PageRequest first(int limit, boolean ascending) {
        return new PageRequest(limit, ascending, Optional.empty());
    }

    /** Every id of a list, read page by page. */
    protected static List<String> walk(Function<PageRequest, Page<ListedCertificate>> reader, int pageSize,
            boolean ascending) {
        List<String> ids = new ArrayList<>();
        Page<ListedCertificate> page = reader.apply(first(pageSize, ascending));
        page.items().forEach(c -> ids.add(c.certificateId()));
        while (page.hasMore()) {
            page = reader.apply(new PageRequest(pageSize, ascending,
                    Optional.of(page.items().get(page.items().size() - 1).key())));
            page.items().forEach(c -> ids.add(c.certificateId()));
        }
        return ids;
    }

    private static DeviceCertificate withId(DeviceCertificate d, String certificateId) {
        return new DeviceCertificate(d.scope(), certificateId, d.certificatePem(), d.caCertificateId(), d.status(),
                d.mode(), d.validity(), d.audit());
    }

    private static DeviceCertificate withStatus(DeviceCertificate d, CertificateStatus status) {
        return new DeviceCertificate(d.scope(), d.certificateId(), d.certificatePem(), d.caCertificateId(), status,
                d.mode(), d.validity(), Records.changed(d.audit()));
    }
}
