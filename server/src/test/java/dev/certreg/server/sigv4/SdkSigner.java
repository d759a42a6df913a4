package dev.certreg.server.sigv4;

import dev.certreg.server.RawRequest;
import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner.AuthLocation;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * Signs requests in-JVM with the AWS SDK for Java v2's {@code AwsV4HttpSigner} (an implementation independent of
 * ours) and turns the result into the {@link RawRequest} the server would have read off the wire.
 */
final class SdkSigner {
    private static final AwsV4HttpSigner SIGNER = AwsV4HttpSigner.create();

    private SdkSigner() {}

    /** {@code request} signed in the Authorization header at {@code time}. */
    static RawRequest header(SdkHttpFullRequest request, byte[] body, String accessKeyId, String secret,
            String region, Instant time) {
        return sign(request, body, accessKeyId, secret, region, time, null);
    }

    /** {@code request} presigned at {@code time}, valid for {@code expires}. */
    static RawRequest presigned(SdkHttpFullRequest request, byte[] body, String accessKeyId, String secret,
            String region, Instant time, Duration expires) {
        return sign(request, body, accessKeyId, secret, region, time, expires);
    }

    private static RawRequest sign(SdkHttpFullRequest request, byte[] body, String accessKeyId, String secret,
            String region, Instant time, Duration expires) {
        SdkHttpRequest signed = SIGNER.sign(r -> r
                .identity(AwsCredentialsIdentity.create(accessKeyId, secret))
                .request(request)
                .payload(() -> new ByteArrayInputStream(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, SigV4Authenticator.SERVICE)
                .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                .putProperty(AwsV4HttpSigner.AUTH_LOCATION, expires == null ? AuthLocation.HEADER
                        : AuthLocation.QUERY_STRING)
                .putProperty(AwsV4HttpSigner.EXPIRATION_DURATION, expires)
                .putProperty(HttpSigner.SIGNING_CLOCK, Clock.fixed(time, ZoneOffset.UTC))).request();
        return RawRequest.of(signed.method().name(), signed.encodedPath(),
                signed.encodedQueryParameters().orElse(null), headers(signed), body);
    }

    /** Header names lower-cased as the server reads them; each value is one header line, in order. */
    private static Map<String, List<String>> headers(SdkHttpRequest signed) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        signed.forEachHeader((name, values) -> headers.computeIfAbsent(name.toLowerCase(Locale.ROOT),
                k -> new ArrayList<>()).addAll(values));
        return headers;
    }
}
