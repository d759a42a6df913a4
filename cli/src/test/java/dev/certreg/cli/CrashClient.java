package dev.certreg.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.certreg.core.testing.TestPki;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One client of {@link CrashTest}: it changes its own certificates one request at a time and remembers, for each,
 * the state its last acknowledged change left and, after a request that got no answer, the state that request would
 * leave. The first request without an answer ends its run: the server is being killed. Not thread-safe; one thread
 * runs it at a time.
 */
final class CrashClient {
    /** Who holds a certificate and in which status; {@link #ABSENT} when nobody does. */
    record State(String owner, String status) {
        static final State ABSENT = new State(null, null);
    }

    /** One change: the request and the state it leaves when it succeeds. */
    private record Change(String id, String name, State after, Request request) {}

    @FunctionalInterface
    private interface Request {
        CrashApi.Answer send(CrashApi api) throws IOException, InterruptedException;
    }

    private final String name;
    private final Random random;
    private final Map<String, State> acknowledged = new LinkedHashMap<>();
    private final Map<String, State> inFlight = new LinkedHashMap<>();
    private final Set<String> touched = new HashSet<>();
    private long acknowledgedChanges;
    private long checked;
    private int registered;

    CrashClient(String name, Random random) {
        this.name = name;
        this.random = random;
    }

    long acknowledged() {
        return acknowledgedChanges;
    }

    long checked() {
        return checked;
    }

    /** Sends changes until {@code running} is cleared or a request fails; releases one permit per acknowledgement. */
    void changeUntilFailure(CrashApi api, AtomicBoolean running, Semaphore acks) {
        while (running.get()) {
            Change change = next(pick());
            String id = change.id();
            touched.add(id);
            CrashApi.Answer answer;
            try {
                answer = change.request().send(api);
            } catch (IOException e) {
                inFlight.put(id, change.after());
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                inFlight.put(id, change.after());
                return;
            }
            assertThat(answer.ok()).as("%s %s of %s in state %s: %s", name, change.name(), id, acknowledged.get(id),
                    answer).isTrue();
            if (change.after().equals(State.ABSENT)) {
                acknowledged.remove(id);
            } else {
                acknowledged.put(id, change.after());
            }
            acknowledgedChanges++;
            acks.release();
        }
    }

    /**
     * Checks each certificate changed since the last check ({@code everything}: each ever changed) against the
     * server: it must be in its acknowledged state or, if a request was in flight, in the state that request leaves.
     * What is found becomes the acknowledged state.
     */
    void check(CrashApi api, boolean everything) {
        List<String> ids = new ArrayList<>(everything ? acknowledged.keySet() : touched);
        for (String id : inFlight.keySet()) {
            if (!ids.contains(id)) {
                ids.add(id);
            }
        }
        for (String id : ids) {
            State found = observe(api, id);
            State expected = acknowledged.getOrDefault(id, State.ABSENT);
            State alternative = inFlight.get(id);
            assertThat(found.equals(expected) || found.equals(alternative))
                    .as("%s: certificate %s is %s; acknowledged %s, in flight %s", name, id, found, expected,
                            alternative).isTrue();
            checked++;
            acknowledged.put(id, found);
        }
        acknowledged.values().removeIf(state -> state.equals(State.ABSENT));
        inFlight.clear();
        touched.clear();
    }

    private static State observe(CrashApi api, String id) {
        try {
            for (String account : List.of(CrashApi.SOURCE, CrashApi.TARGET)) {
                CrashApi.Answer answer = api.describe(account, id);
                if (answer.ok()) {
                    return new State(account, answer.body().path("certificateDescription").path("status").asText());
                }
                assertThat(answer.status()).as("DescribeCertificate %s as %s: %s", id, account, answer)
                        .isEqualTo(404);
            }
            return State.ABSENT;
        } catch (IOException e) {
            throw new AssertionError("DescribeCertificate " + id + " failed on a running server", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** A certificate to change: a new one about a third of the time, else one this client holds. */
    private String pick() {
        if (acknowledged.isEmpty() || random.nextInt(3) == 0) {
            return "new";
        }
        List<String> ids = new ArrayList<>(acknowledged.keySet());
        return ids.get(random.nextInt(ids.size()));
    }

    private Change next(String id) {
        if (id.equals("new")) {
            return register();
        }
        State state = acknowledged.get(id);
        String owner = state.owner();
        return switch (state.status()) {
            case "ACTIVE" -> new Change(id, "deactivate", new State(owner, "INACTIVE"),
                    api -> api.update(owner, id, "INACTIVE"));
            case "PENDING_TRANSFER" -> switch (random.nextInt(3)) {
                case 0 -> new Change(id, "accept", new State(CrashApi.TARGET, "ACTIVE"), api -> api.accept(id));
                case 1 -> new Change(id, "reject", new State(CrashApi.SOURCE, "INACTIVE"), api -> api.reject(id));
                default -> new Change(id, "cancel", new State(CrashApi.SOURCE, "INACTIVE"), api -> api.cancel(id));
            };
            default -> inactive(id, owner);
        };
    }

    private Change inactive(String id, String owner) {
        int choice = random.nextInt(owner.equals(CrashApi.SOURCE) ? 3 : 2);
        return switch (choice) {
            case 0 -> new Change(id, "activate", new State(owner, "ACTIVE"),
                    api -> api.update(owner, id, "ACTIVE"));
            case 1 -> new Change(id, "delete", State.ABSENT, api -> api.delete(owner, id));
            default -> new Change(id, "transfer", new State(CrashApi.SOURCE, "PENDING_TRANSFER"),
                    api -> api.transfer(id));
        };
    }

    private Change register() {
        TestPki.Issued certificate = TestPki.selfSignedLeaf(name + "-" + registered++ + "-" + random.nextLong());
        String id = certificateId(certificate);
        return new Change(id, "register", new State(CrashApi.SOURCE, "ACTIVE"), api -> {
            CrashApi.Answer answer = api.registerWithoutCa(certificate.pem());
            if (answer.ok()) {
                assertThat(answer.body().path("certificateId").asText()).isEqualTo(id);
            }
            return answer;
        });
    }

    private static String certificateId(TestPki.Issued certificate) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(certificate.certificate().getEncoded()));
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
