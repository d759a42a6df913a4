package dev.certreg.core.policy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One request value against one policy value, for each IAM {@link Comparison}. A negated comparison is decided here
 * as its positive form ({@code StringNotEquals} as {@code StringEquals}); {@link ConditionTest} inverts it. Values that
 * do not parse as the operator's type never match.
 */
final class Comparisons {
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    private Comparisons() {}

    static boolean matches(Comparison comparison, String request, WildcardPattern policy) {
        return switch (comparison) {
            case STRING_EQUALS, STRING_NOT_EQUALS -> request.equals(policy.text());
            case STRING_EQUALS_IGNORE_CASE, STRING_NOT_EQUALS_IGNORE_CASE -> request.equalsIgnoreCase(policy.text());
            case STRING_LIKE, STRING_NOT_LIKE -> policy.matches(request, false);
            case BOOL -> request.equalsIgnoreCase(policy.text());
            case ARN_EQUALS, ARN_LIKE, ARN_NOT_EQUALS, ARN_NOT_LIKE -> arnMatches(request, policy);
            case IP_ADDRESS, NOT_IP_ADDRESS -> inRange(request, policy.text());
            case NULL -> false;
            default -> ordered(comparison, request, policy.text());
        };
    }

    private static boolean ordered(Comparison comparison, String request, String policy) {
        Optional<Integer> order = comparison.kind() == Comparison.Kind.NUMERIC
                ? compareNumbers(request, policy)
                : compareDates(request, policy);
        return order.map(c -> switch (comparison) {
                    case NUMERIC_EQUALS, NUMERIC_NOT_EQUALS, DATE_EQUALS, DATE_NOT_EQUALS -> c == 0;
                    case NUMERIC_LESS_THAN, DATE_LESS_THAN -> c < 0;
                    case NUMERIC_LESS_THAN_EQUALS, DATE_LESS_THAN_EQUALS -> c <= 0;
                    case NUMERIC_GREATER_THAN, DATE_GREATER_THAN -> c > 0;
                    case NUMERIC_GREATER_THAN_EQUALS, DATE_GREATER_THAN_EQUALS -> c >= 0;
                    default -> false;
                })
                .orElse(false);
    }

    private static Optional<Integer> compareNumbers(String request, String policy) {
        try {
            return Optional.of(new BigDecimal(request).compareTo(new BigDecimal(policy)));
        } catch (NumberFormatException notANumber) {
            return Optional.empty();
        }
    }

    private static Optional<Integer> compareDates(String request, String policy) {
        Optional<Instant> a = instant(request);
        Optional<Instant> b = instant(policy);
        return a.isPresent() && b.isPresent() ? Optional.of(a.get().compareTo(b.get())) : Optional.empty();
    }

    /** An ISO 8601 date-time with an offset, or epoch seconds, as IAM's date operators take. */
    private static Optional<Instant> instant(String text) {
        try {
            return Optional.of(text.chars().allMatch(Character::isDigit) && !text.isEmpty()
                    ? Instant.ofEpochSecond(Long.parseLong(text))
                    : OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeException | NumberFormatException unreadable) {
            return Optional.empty();
        }
    }

    /**
     * ArnEquals and ArnLike (IAM treats them alike): the request must be an ARN, six colon-separated parts, and the
     * policy value matches it as a whole, wildcards included.
     */
    private static boolean arnMatches(String request, WildcardPattern policy) {
        return request.split(":", 6).length == 6 && policy.matches(request, false);
    }

    /** IpAddress: the request address lies in the policy's CIDR block (or equals its single address). */
    private static boolean inRange(String request, String cidr) {
        int slash = cidr.indexOf('/');
        Optional<byte[]> network = address(slash < 0 ? cidr : cidr.substring(0, slash));
        Optional<byte[]> address = address(request);
        if (network.isEmpty() || address.isEmpty() || network.get().length != address.get().length) {
            return false;
        }
        int bits = network.get().length * 8;
        int prefix;
        try {
            prefix = slash < 0 ? bits : Integer.parseInt(cidr.substring(slash + 1));
        } catch (NumberFormatException badPrefix) {
            return false;
        }
        if (prefix < 0 || prefix > bits) {
            return false;
        }
        BigInteger mask = BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE.shiftLeft(bits - prefix));
        return new BigInteger(1, network.get()).and(mask).equals(new BigInteger(1, address.get()).and(mask));
    }

    /** A literal IPv4 or IPv6 address; never a host name, so that no lookup happens. */
    private static Optional<byte[]> address(String text) {
        if (IPV4.matcher(text).matches()) {
            String[] parts = text.split("\\.", -1);
            byte[] bytes = new byte[4];
            for (int i = 0; i < 4; i++) {
                int part = Integer.parseInt(parts[i]);
                if (part > 255) {
                    return Optional.empty();
                }
                bytes[i] = (byte) part;
            }
            return Optional.of(bytes);
        }
        if (!IPV6.matcher(text).matches()) {
            return Optional.empty();
        }
        try {
            // With a colon in it, the text is parsed as an IPv6 literal and never looked up.
            return Optional.of(InetAddress.getByName(text).getAddress());
        } catch (UnknownHostException unreadable) {
            return Optional.empty();
        }
    }
}
