package dev.certreg.core;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * DescribeEndpoint. AWS creates an account's endpoint id on the first call and returns it ever after; certreg
 * derives it instead, as an HMAC of (account, region, id kind) under a server secret, so the address is stable per
 * account and region, differs between them, and needs no storage. Nodes sharing the secret give the same addresses.
 * Thread-safe.
 */
public final class EndpointService {
    private static final String HMAC = "HmacSHA256";
    private static final int ID_LENGTH = 14;
    /** 72 bits fit in 14 base-36 digits (36^14 > 2^72). */
    private static final int ID_BYTES = 9;

    /** The shape of every data address this service derives, in any account and region. */
    private static final Pattern ACCOUNT_ENDPOINT =
            Pattern.compile("[0-9a-z]{" + ID_LENGTH + "}(-ats)?\\.iot\\.[a-z0-9-]+\\.amazonaws\\.com(\\.cn)?");

    private final SecretKeySpec key;
    private final String advertisedHost;
    private final Predicate<String> resolves;

    /** {@code serverSecret} is domain-separated here, so it may be a secret that also serves another purpose. */
    public EndpointService(byte[] serverSecret) {
        this(serverSecret, null, name -> true);
    }

    /**
     * A service whose data addresses fall back to {@code advertisedHost} (the device endpoint's host) when
     * {@code resolves} says AWS's name would not resolve.
     */
    public EndpointService(byte[] serverSecret, String advertisedHost, Predicate<String> resolves) {
        this.key = new SecretKeySpec(hmac(new SecretKeySpec(serverSecret, HMAC), "certreg endpoint ids"), HMAC);
        this.advertisedHost = advertisedHost;
        this.resolves = resolves;
    }

    /** The address for a wire endpoint type; null means iot:Data, as in AWS (not ATS, as moto has it). */
    public String describeEndpoint(Scope scope, String endpointType) {
        EndpointType type = endpointType == null
                ? EndpointType.DATA
                : EndpointType.fromWireName(endpointType).orElseThrow(() -> ServiceException.invalidRequest(
                        "Endpoint type " + endpointType + " not recognized."));
        String address = awsAddress(scope, type);
        boolean data = type == EndpointType.DATA || type == EndpointType.DATA_ATS;
        return data && advertisedHost != null && !resolves.test(address) ? advertisedHost : address;
    }

    /** Whether {@code host} (an SNI host name) is one of the scope's data addresses in AWS's shape. */
    public boolean isEndpointOf(Scope scope, String host) {
        return host.equalsIgnoreCase(awsAddress(scope, EndpointType.DATA_ATS))
                || host.equalsIgnoreCase(awsAddress(scope, EndpointType.DATA));
    }

    /** Whether {@code host} has the shape of some account's data address, so it selects one account. */
    public boolean isAccountEndpoint(String host) {
        return ACCOUNT_ENDPOINT.matcher(host.toLowerCase(Locale.ROOT)).matches();
    }

    private String awsAddress(Scope scope, EndpointType type) {
        return type.address(endpointId(scope, type.idKind()), scope.region(), dnsSuffix(scope));
    }

    private String endpointId(Scope scope, String idKind) {
        byte[] mac = hmac(key, scope.account() + "\n" + scope.region() + "\n" + idKind);
        String digits = new BigInteger(1, Arrays.copyOf(mac, ID_BYTES)).toString(36);
        return "0".repeat(ID_LENGTH - digits.length()) + digits;
    }

    private static String dnsSuffix(Scope scope) {
        return scope.partition().equals("aws-cn") ? "amazonaws.com.cn" : "amazonaws.com";
    }

    private static byte[] hmac(SecretKeySpec key, String message) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(key);
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(HMAC + " is missing from this JDK", e);
        }
    }
}
