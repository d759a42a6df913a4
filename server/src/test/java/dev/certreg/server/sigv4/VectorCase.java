package dev.certreg.server.sigv4;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.certreg.core.Scope;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;

/** One folder of the AWS SigV4 signing suite under {@code src/test/resources/sigv4/v4}. */
record VectorCase(String name) {
    static final String ACCESS_KEY = "AKIDEXAMPLE";
    static final String SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    static final String AMZ_DATE = "20150830T123600Z";
    static final Instant TIME = Instant.parse("2015-08-30T12:36:00Z");
    static final String SCOPE = "20150830/us-east-1/service/aws4_request";

    /** Every case folder, sorted by name. */
    static List<VectorCase> all() {
        try (Stream<Path> folders = Files.list(Path.of(VectorCase.class.getResource("/sigv4/v4").toURI()))) {
            return folders.map(p -> new VectorCase(p.getFileName().toString())).sorted(
                    (a, b) -> a.name.compareTo(b.name)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The vectors' fixed key, for an authenticator. */
    static Credentials credentials() {
        return Credentials.of(List.of(new AccessKey(ACCESS_KEY, SECRET, Scope.DEFAULT_ACCOUNT, true)));
    }

    /**
     * The verifier of docs/sigv4-verifier.md "Tests": production rules, but service {@code service}, region us-east-1, the
     * vectors' time.
     */
    static SigV4Authenticator authenticator(boolean refuseSessionTokens) {
        return authenticatorAt(TIME, refuseSessionTokens);
    }

    static SigV4Authenticator authenticatorAt(Instant now, boolean refuseSessionTokens) {
        return new SigV4Authenticator(credentials(), Regions.of(List.of("us-east-1")),
                Clock.fixed(now, ZoneOffset.UTC), "service", refuseSessionTokens);
    }

    String text(String file) {
        try (InputStream in = VectorCase.class.getResourceAsStream("/sigv4/v4/" + name + "/" + file)) {
            if (in == null) {
                throw new IllegalArgumentException("no " + file + " in vector " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    JsonNode context() {
        try {
            return new ObjectMapper().readTree(text("context.json"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The signed request of a variant ({@code header} or {@code query}) as text. */
    String signedRequest(String variant) {
        return text(variant + "-signed-request.txt");
    }

    @Override
    public String toString() {
        return name;
    }
}
