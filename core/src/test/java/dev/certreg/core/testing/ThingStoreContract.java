package dev.certreg.core.testing;

import static dev.certreg.core.testing.Records.device;
import static dev.certreg.core.testing.Records.id;
import static org.assertj.core.api.Assertions.assertThat;

import dev.certreg.core.AttributeFilter;
import dev.certreg.core.CertificateStore;
import dev.certreg.core.Page;
import dev.certreg.core.Scope;
import dev.certreg.core.Thing;
import dev.certreg.core.ThingAttachment;
import dev.certreg.core.ThingPrincipalType;
import dev.certreg.core.ThingStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ThingStore} must do, over the {@link CertificateStore} it belongs to. A store's test extends this
 * and supplies a fresh, empty store.
 */
public abstract class ThingStoreContract {
    protected static final Scope SCOPE = new Scope("123456789012", "us-east-1");
    protected static final Scope OTHER_ACCOUNT = new Scope("210987654321", "us-east-1");
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private static final ThingPrincipalType SHARED = ThingPrincipalType.NON_EXCLUSIVE_THING;
    private static final ThingPrincipalType EXCLUSIVE = ThingPrincipalType.EXCLUSIVE_THING;

    /** The store under test, empty at the start of each test. */
    protected abstract CertificateStore store();

    private ThingStore things() {
        return store().things();
    }

    private static Thing thing(Scope scope, String name, Map<String, String> attributes) {
        return new Thing(scope, name, "id-" + name, null, attributes, 1);
    }

    @Test
    void aThingReadsBackWithItsAttributesAndASecondInsertIsRefused() {
        Thing written = thing(SCOPE, "lamp", Map.of("color", "red", "room", "hall"));
        assertThat(things().insertThing(written)).isTrue();
        assertThat(things().insertThing(thing(SCOPE, "lamp", Map.of()))).isFalse();
        assertThat(things().findThing(SCOPE, "lamp")).contains(written);
        assertThat(things().findThing(OTHER_ACCOUNT, "lamp")).isEmpty();
        assertThat(things().insertThing(thing(OTHER_ACCOUNT, "lamp", Map.of()))).isTrue();
    }

    @Test
    void aReplaceOrDeleteBasedOnAStaleVersionChangesNothing() {
        Thing original = thing(SCOPE, "lamp", Map.of("color", "red"));
        things().insertThing(original);
        Thing blue = original.updated(null, Map.of("color", "blue", "size", "s"));
        assertThat(things().replaceThing(blue, 1)).isTrue();
        assertThat(things().replaceThing(original.updated(null, Map.of()), 1)).isFalse();
        assertThat(things().findThing(SCOPE, "lamp")).contains(blue);
        assertThat(things().deleteThing(SCOPE, "lamp", 1)).isFalse();
        assertThat(things().deleteThing(SCOPE, "lamp", 2)).isTrue();
        assertThat(things().findThing(SCOPE, "lamp")).isEmpty();
        assertThat(things().insertThing(thing(SCOPE, "lamp", Map.of()))).isTrue();
        assertThat(things().findThing(SCOPE, "lamp").orElseThrow().attributes()).isEmpty();
    }

    @Test
    void thingsListInNameOrderFilteredOnAnAttribute() {
        for (int i = 0; i < 7; i++) {
            Map<String, String> attributes = i % 2 == 0 ? Map.of("floor", "f" + i % 3, "x", "y") : Map.of();
            things().insertThing(thing(SCOPE, "t" + (6 - i), attributes));
        }
        things().insertThing(thing(OTHER_ACCOUNT, "t9", Map.of("floor", "f0")));
        assertThat(walk((after, limit) -> things().listThings(SCOPE, null, after, limit), Thing::thingName))
                .containsExactly("t0", "t1", "t2", "t3", "t4", "t5", "t6");
        assertThat(walk((after, limit) -> things().listThings(SCOPE, new AttributeFilter("floor", null, false),
                after, limit), Thing::thingName)).containsExactly("t0", "t2", "t4", "t6");
        assertThat(walk((after, limit) -> things().listThings(SCOPE, new AttributeFilter("floor", "f0", false),
                after, limit), Thing::thingName)).containsExactly("t0", "t6");
        assertThat(walk((after, limit) -> things().listThings(SCOPE, new AttributeFilter("floor", "f", true),
                after, limit), Thing::thingName)).containsExactly("t0", "t2", "t4", "t6");
        assertThat(walk((after, limit) -> things().listThings(SCOPE, new AttributeFilter("floor", "f", false),
                after, limit), Thing::thingName)).isEmpty();
        assertThat(things().listThings(SCOPE, null, Optional.empty(), 10).items().get(0).attributes())
                .isEqualTo(Map.of("floor", "f0", "x", "y"));
    }

    @Test
    void anAttachmentNeedsTheThingAndTheCertificate() {
        things().insertThing(thing(SCOPE, "lamp", Map.of()));
        assertThat(things().attachPrincipal(SCOPE, "lamp", id("d1"), SHARED, NOW)).isFalse();
        store().insertDeviceCertificate(device(SCOPE, "d1", null, 1));
        assertThat(things().attachPrincipal(SCOPE, "nothing", id("d1"), SHARED, NOW)).isFalse();
        assertThat(things().attachPrincipal(OTHER_ACCOUNT, "lamp", id("d1"), SHARED, NOW)).isFalse();
        assertThat(things().attachPrincipal(SCOPE, "lamp", id("d1"), SHARED, NOW)).isTrue();
        assertThat(things().attachPrincipal(SCOPE, "lamp", id("d1"), SHARED, NOW)).isTrue();
        assertThat(things().listThingPrincipals(SCOPE, "lamp", null, Optional.empty(), 10).items())
                .containsExactly(new ThingAttachment("lamp", id("d1"), SHARED));
        assertThat(things().detachPrincipal(SCOPE, "lamp", id("d1"))).isTrue();
        assertThat(things().detachPrincipal(SCOPE, "lamp", id("d1"))).isFalse();
    }

    @Test
    void anExclusiveAttachmentIsTheCertificatesOnlyOne() {
        store().insertDeviceCertificate(device(SCOPE, "d1", null, 1));
        for (String name : List.of("a", "b", "c")) {
            things().insertThing(thing(SCOPE, name, Map.of()));
        }
        assertThat(things().attachPrincipal(SCOPE, "a", id("d1"), EXCLUSIVE, NOW)).isTrue();
        assertThat(things().attachPrincipal(SCOPE, "b", id("d1"), SHARED, NOW)).isFalse();
        assertThat(things().attachPrincipal(SCOPE, "b", id("d1"), EXCLUSIVE, NOW)).isFalse();
        things().detachPrincipal(SCOPE, "a", id("d1"));
        assertThat(things().attachPrincipal(SCOPE, "b", id("d1"), SHARED, NOW)).isTrue();
        assertThat(things().attachPrincipal(SCOPE, "c", id("d1"), SHARED, NOW)).isTrue();
        assertThat(things().attachPrincipal(SCOPE, "a", id("d1"), EXCLUSIVE, NOW)).isFalse();
        assertThat(walk((after, limit) -> things().listPrincipalThings(SCOPE, id("d1"), null, after, limit),
                ThingAttachment::thingName)).containsExactly("b", "c");
        assertThat(things().listPrincipalThings(SCOPE, id("d1"), EXCLUSIVE, Optional.empty(), 10).items())
                .isEmpty();
    }

    @Test
    void neitherAThingNorACertificateWithAnAttachmentCanBeDeleted() {
        store().insertDeviceCertificate(device(SCOPE, "d1", null, 1));
        things().insertThing(thing(SCOPE, "lamp", Map.of()));
        things().attachPrincipal(SCOPE, "lamp", id("d1"), SHARED, NOW);
        assertThat(things().deleteThing(SCOPE, "lamp", 1)).isFalse();
        assertThat(store().deleteDeviceCertificate(SCOPE, id("d1"), 1)).isFalse();
        things().detachPrincipal(SCOPE, "lamp", id("d1"));
        assertThat(store().deleteDeviceCertificate(SCOPE, id("d1"), 1)).isTrue();
        assertThat(things().deleteThing(SCOPE, "lamp", 1)).isTrue();
    }

    @Test
    void racingAttachesAndDeletesLeaveNoAttachmentWithoutItsCertificate() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            for (int i = 0; i < 20; i++) {
                store().insertDeviceCertificate(device(SCOPE, "d" + i, null, i));
                things().insertThing(thing(SCOPE, "t" + i, Map.of()));
            }
            List<Future<Boolean>> attaches = new ArrayList<>();
            List<Future<Boolean>> deletes = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                int n = i;
                attaches.add(pool.submit(() -> things().attachPrincipal(SCOPE, "t" + n, id("d" + n), SHARED, NOW)));
                deletes.add(pool.submit(() -> store().deleteDeviceCertificate(SCOPE, id("d" + n), 1)));
            }
            for (int i = 0; i < 20; i++) {
                assertThat(attaches.get(i).get()).isNotEqualTo(deletes.get(i).get());
                assertThat(store().findDeviceCertificate(SCOPE, id("d" + i)).isPresent())
                        .isEqualTo(attaches.get(i).get());
            }
        } finally {
            pool.shutdown();
        }
    }

    private static <T> List<String> walk(
            BiFunction<Optional<String>, Integer, Page<T>> list, Function<T, String> key) {
        List<String> seen = new ArrayList<>();
        Optional<String> after = Optional.empty();
        while (true) {
            Page<T> page = list.apply(after, 2);
            page.items().forEach(item -> seen.add(key.apply(item)));
            if (!page.hasMore()) {
                return seen;
            }
            after = Optional.of(key.apply(page.items().get(page.items().size() - 1)));
        }
    }
}
