package dev.certreg.core.testing;

import static dev.certreg.core.testing.Records.ca;
import static org.assertj.core.api.Assertions.assertThat;

import dev.certreg.core.CaCertificate;
import dev.certreg.core.CertificateMode;
import dev.certreg.core.CertificateStore;
import dev.certreg.core.Page;
import dev.certreg.core.Scope;
import dev.certreg.core.Tag;
import dev.certreg.core.TagStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * What every {@link TagStore} must do, over the {@link CertificateStore} it belongs to. A store's test extends this
 * and supplies a fresh, empty store.
 */
public abstract class TagStoreContract {
    protected static final Scope SCOPE = new Scope("123456789012", "us-east-1");
    private static final Scope OTHER_ACCOUNT = new Scope("210987654321", "us-east-1");
    private static final String ARN = SCOPE.arn("policy", "p1");

    /** The store under test, empty at the start of each test. */
    protected abstract CertificateStore store();

    private TagStore tags() {
        return store().tags();
    }

    @Test
    void tagsAreAddedReplacedAndRemovedByKey() {
        assertThat(tags().putTags(SCOPE, ARN, List.of(new Tag("b", "1"), new Tag("a", null)), 50)).isTrue();
        assertThat(tags().putTags(SCOPE, ARN, List.of(new Tag("b", "2"), new Tag("B", "")), 50)).isTrue();
        assertThat(all(SCOPE, ARN)).containsExactly(new Tag("B", ""), new Tag("a", null), new Tag("b", "2"));
        tags().removeTags(SCOPE, ARN, List.of("a", "absent"));
        assertThat(all(SCOPE, ARN)).containsExactly(new Tag("B", ""), new Tag("b", "2"));
        assertThat(all(OTHER_ACCOUNT, ARN)).isEmpty();
        tags().deleteTags(SCOPE, ARN);
        assertThat(all(SCOPE, ARN)).isEmpty();
    }

    @Test
    void aPutThatWouldPassTheLimitWritesNothing() {
        assertThat(tags().putTags(SCOPE, ARN, keys("k", 0, 3), 4)).isTrue();
        assertThat(tags().putTags(SCOPE, ARN, keys("k", 1, 4), 4)).isTrue();
        assertThat(tags().putTags(SCOPE, ARN, keys("k", 4, 6), 4)).isFalse();
        assertThat(all(SCOPE, ARN)).extracting(Tag::key).containsExactly("k0", "k1", "k2", "k3");
    }

    @Test
    void racingPutsNeverPassTheLimit() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> puts = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                String prefix = "w" + i + "-";
                puts.add(pool.submit(() -> tags().putTags(SCOPE, ARN, keys(prefix, 0, 30), 50)));
            }
            int winners = 0;
            for (Future<Boolean> put : puts) {
                winners += put.get() ? 1 : 0;
            }
            assertThat(winners).isEqualTo(1);
            assertThat(all(SCOPE, ARN)).hasSize(30);
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void aCaCertificatesTagsAreThoseOfItsArnAndGoWithIt() {
        CaCertificate written = ca(SCOPE, "ca", CertificateMode.SNI_ONLY, null, 1);
        store().insertCaCertificate(written, 10);
        assertThat(all(SCOPE, written.arn())).containsExactlyElementsOf(written.tags());
        tags().putTags(SCOPE, written.arn(), List.of(new Tag("added", "x")), 50);
        assertThat(store().findCaCertificate(SCOPE, written.certificateId()).orElseThrow().tags())
                .extracting(Tag::key).containsExactly("added", "empty", "team");
        assertThat(store().deleteCaCertificate(SCOPE, written.certificateId(), 1)).isTrue();
        assertThat(all(SCOPE, written.arn())).isEmpty();
    }

    private List<Tag> all(Scope scope, String arn) {
        List<Tag> seen = new ArrayList<>();
        Optional<String> after = Optional.empty();
        while (true) {
            Page<Tag> page = tags().listTags(scope, arn, after, 2);
            seen.addAll(page.items());
            if (!page.hasMore()) {
                return seen;
            }
            after = Optional.of(page.items().get(page.items().size() - 1).key());
        }
    }

    private static List<Tag> keys(String prefix, int from, int to) {
        List<Tag> tags = new ArrayList<>();
        for (int i = from; i < to; i++) {
            tags.add(new Tag(prefix + i, "v"));
        }
        return tags;
    }
}
