package dev.certreg.store.postgres;

import static dev.certreg.core.testing.Records.device;
import static dev.certreg.core.testing.Records.id;
import static org.assertj.core.api.Assertions.assertThat;

import dev.certreg.core.CertificateLists;
import dev.certreg.core.ListBinding;
import dev.certreg.core.ListKind;
import dev.certreg.core.ListQuery;
import dev.certreg.core.ListResult;
import dev.certreg.core.ListedCertificate;
import dev.certreg.core.MarkerCodec;
import dev.certreg.core.Scope;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Walks a CA page by page, through real markers, while other threads register and delete its certificates. */
class ConcurrentWalkTest {
    private static final Scope SCOPE = new Scope("123456789012", "us-east-1");
    private static final int STABLE = 300;

    private static EmbeddedDatabase database;

    @BeforeAll
    static void start() {
        database = EmbeddedDatabase.start();
    }

    @AfterAll
    static void stop() {
        database.close();
    }

    @Test
    void aWalkSeesEveryStableCertificateExactlyOnceWhileOthersComeAndGo() throws Exception {
        try (PostgresCertificateStore store = database.openStore(EmbeddedDatabase.MAIN)) {
            AtomicLong clock = new AtomicLong(1_000_000);
            List<String> stable = new ArrayList<>();
            for (int i = 0; i < STABLE; i++) {
                store.insertDeviceCertificate(device(SCOPE, "stable-" + i, "ca", clock.getAndAdd(3)));
                stable.add(id("stable-" + i));
            }
            CertificateLists lists = new CertificateLists(new MarkerCodec(new byte[32]));
            for (boolean ascending : new boolean[] {true, false}) {
                AtomicBoolean walking = new AtomicBoolean(true);
                ExecutorService churn = Executors.newFixedThreadPool(2);
                List<Future<Integer>> writers = new ArrayList<>();
                for (int t = 0; t < 2; t++) {
                    String prefix = "transient-" + ascending + "-" + t + "-";
                    writers.add(churn.submit(() -> churn(store, clock, prefix, walking)));
                }
                List<String> seen = walk(store, lists, ascending);
                walking.set(false);
                churn.shutdown();
                assertThat(churn.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
                int churned = 0;
                for (Future<Integer> writer : writers) {
                    churned += writer.get();
                }
                List<String> seenStable = seen.stream().filter(new HashSet<>(stable)::contains).toList();
                assertThat(new HashSet<>(seenStable)).hasSize(seenStable.size());
                assertThat(Set.copyOf(seenStable)).isEqualTo(Set.copyOf(stable));
                assertThat(churned).isPositive();
            }
        }
    }

    private static List<String> walk(PostgresCertificateStore store, CertificateLists lists, boolean ascending) {
        ListBinding binding = new ListBinding(ListKind.CERTIFICATES_BY_CA, id("ca"), ascending);
        List<String> seen = new ArrayList<>();
        String marker = null;
        for (int pages = 0; pages < 10_000; pages++) {
            ListResult page = lists.page(SCOPE, binding, new ListQuery(7, marker, ascending),
                    request -> store.listDeviceCertificatesByCa(SCOPE, id("ca"), request));
            page.certificates().stream().map(ListedCertificate::certificateId).forEach(seen::add);
            if (page.nextMarker().isEmpty()) {
                return seen;
            }
            marker = page.nextMarker().get();
        }
        throw new AssertionError("the walk did not end");
    }

    /** Registers certificates at new and old positions of the order and deletes them again, until told to stop. */
    private static int churn(PostgresCertificateStore store, AtomicLong clock, String prefix, AtomicBoolean walking) {
        int n = 0;
        while (walking.get() && n < 5_000) {
            long created = n % 2 == 0 ? clock.getAndIncrement() : 1_000_000 + (n * 7L) % (STABLE * 3);
            store.insertDeviceCertificate(device(SCOPE, prefix + n, "ca", created));
            if (n % 3 == 0) {
                store.deleteDeviceCertificate(SCOPE, id(prefix + n), 1);
            }
            n++;
        }
        return n;
    }
}
