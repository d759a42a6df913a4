package dev.certreg.server.sigv4;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;

/**
 * Random requests for the differential test: reserved and UTF-8 bytes in paths, {@code + / = % &} and UTF-8 in
 * query names and values, repeated query names and headers, whitespace runs and mixed-case header names. Paths hold
 * no {@code .}, {@code ..} or empty segments: the SDK normalises those with {@link URI#normalize()}, which keeps a
 * trailing slash where SigV4's rules (and botocore) drop it.
 */
final class RandomRequests {
    private static final String PATH_RAW = "ABCXYZabcxyz0189-._~!$&'()*+,;=:@";
    private static final String[] EXOTIC = {" ", "/", "?", "#", "%", "\"", "<", ">", "[", "]", "^", "`", "{", "|",
        "}", "\\", "é", "ሴ", "😀", "\u0000", "\u007f", "+", "=", "&"};
    private static final String TEXT = "ABCabcxyz0189-._~+/=%& *!'()@:;,";
    private static final String[] ENDPOINTS = {"http://127.0.0.1:4566", "http://localhost:8443",
        "https://iot.eu-west-1.amazonaws.com", "http://[::1]:4566"};
    private static final SdkHttpMethod[] METHODS = {SdkHttpMethod.GET, SdkHttpMethod.PUT, SdkHttpMethod.POST,
        SdkHttpMethod.DELETE};

    private final Random random;

    RandomRequests(Random random) {
        this.random = random;
    }

    SdkHttpFullRequest request() {
        SdkHttpMethod method = METHODS[random.nextInt(METHODS.length)];
        SdkHttpFullRequest.Builder builder = SdkHttpFullRequest.builder().method(method)
                .uri(URI.create(ENDPOINTS[random.nextInt(ENDPOINTS.length)] + path()));
        query(builder);
        headers(builder);
        return builder.build();
    }

    /** A body for {@code method}: random bytes for PUT and POST, none otherwise. */
    byte[] body(SdkHttpMethod method) {
        if (method != SdkHttpMethod.PUT && method != SdkHttpMethod.POST) {
            return new byte[0];
        }
        byte[] body = new byte[random.nextInt(513)];
        random.nextBytes(body);
        return body;
    }

    private String path() {
        StringBuilder path = new StringBuilder();
        int segments = 1 + random.nextInt(4);
        for (int i = 0; i < segments; i++) {
            path.append('/').append(segment());
        }
        return random.nextInt(5) == 0 ? path + "/" : path.toString();
    }

    private String segment() {
        StringBuilder segment = new StringBuilder();
        int units = 1 + random.nextInt(6);
        for (int i = 0; i < units; i++) {
            if (random.nextBoolean()) {
                segment.append(PATH_RAW.charAt(random.nextInt(PATH_RAW.length())));
            } else {
                segment.append(percentEncoded(EXOTIC[random.nextInt(EXOTIC.length)]));
            }
        }
        String value = segment.toString();
        return value.equals(".") || value.equals("..") ? value + "x" : value;
    }

    private String percentEncoded(String text) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            String hex = String.format("%%%02X", b & 0xff);
            out.append(random.nextInt(4) == 0 ? hex.toLowerCase(Locale.ROOT) : hex);
        }
        return out.toString();
    }

    private void query(SdkHttpFullRequest.Builder builder) {
        List<String> names = new ArrayList<>();
        int count = random.nextInt(5);
        for (int i = 0; i < count; i++) {
            String name = !names.isEmpty() && random.nextInt(4) == 0 ? names.get(random.nextInt(names.size()))
                    : text(1, 8);
            names.add(name);
            builder.appendRawQueryParameter(name, text(0, 10));
        }
    }

    private void headers(SdkHttpFullRequest.Builder builder) {
        int count = random.nextInt(4);
        for (int i = 0; i < count; i++) {
            String name = mixedCase("x-test-" + (char) ('a' + i));
            int values = 1 + random.nextInt(3);
            for (int v = 0; v < values; v++) {
                builder.appendHeader(name, headerValue());
            }
        }
    }

    private String headerValue() {
        StringBuilder value = new StringBuilder(random.nextBoolean() ? " " : "");
        int words = random.nextInt(4);
        for (int i = 0; i < words; i++) {
            value.append(i == 0 ? "" : whitespaceRun()).append(printable(1 + random.nextInt(8)));
        }
        return value.append(random.nextBoolean() ? "  " : "").toString();
    }

    private String whitespaceRun() {
        StringBuilder run = new StringBuilder();
        int length = 1 + random.nextInt(3);
        for (int i = 0; i < length; i++) {
            run.append(random.nextInt(3) == 0 ? '\t' : ' ');
        }
        return run.toString();
    }

    private String printable(int length) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < length; i++) {
            out.append((char) ('!' + random.nextInt('~' - '!' + 1)));
        }
        return out.toString();
    }

    private String text(int min, int max) {
        StringBuilder out = new StringBuilder();
        int length = min + random.nextInt(max - min + 1);
        for (int i = 0; i < length; i++) {
            out.append(random.nextInt(6) == 0 ? EXOTIC[16 + random.nextInt(3)]
                    : String.valueOf(TEXT.charAt(random.nextInt(TEXT.length()))));
        }
        return out.toString();
    }

    private String mixedCase(String name) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            out.append(random.nextBoolean() ? Character.toUpperCase(c) : c);
        }
        return out.toString();
    }
}
