package dev.certreg.server.sigv4;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The SigV4 arithmetic: the string to sign, the HMAC-SHA256 key chain over {@code "AWS4" + secret}, date, region,
 * service and {@code aws4_request}, and the signature. Thread-safe (a new {@link Mac} per use).
 */
final class SigningKey {
    private static final String HMAC = "HmacSHA256";

    private final byte[] key;

    private SigningKey(byte[] key) {
        this.key = key;
    }

    /** The key for {@code secret} in the scope {@code date/region/service/aws4_request}. */
    static SigningKey derive(String secret, String date, String region, String service) {
        byte[] key = ("AWS4" + secret).getBytes(StandardCharsets.UTF_8);
        for (String step : new String[] {date, region, service, CredentialScope.TERMINATOR}) {
            key = hmac(key, step);
        }
        return new SigningKey(key);
    }

    /** {@code AWS4-HMAC-SHA256\n<amzDate>\n<scope>\n<hex SHA-256 of the canonical request>}. */
    static String stringToSign(String amzDate, String scope, String canonicalRequest) {
        return SignatureClaim.ALGORITHM + '\n' + amzDate + '\n' + scope + '\n' + sha256Hex(
                canonicalRequest.getBytes(StandardCharsets.UTF_8));
    }

    /** The hex signature of {@code stringToSign}. */
    String sign(String stringToSign) {
        return HexFormat.of().formatHex(hmac(key, stringToSign));
    }

    static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(key, HMAC));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every Java runtime has " + HMAC, e);
        }
    }
}
