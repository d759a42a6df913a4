package dev.certreg.server.sigv4;

import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** The regions an instance serves: a fixed set, or any syntactically valid region name. Immutable, thread-safe. */
public final class Regions {
    /** {@code us-east-1}, {@code us-gov-west-1}, {@code cn-northwest-1}, {@code eu-isoe-west-1}. */
    private static final Pattern SYNTAX = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d{1,2}");

    private final Set<String> served;

    private Regions(Set<String> served) {
        this.served = served;
    }

    /** Every region whose name has the form of an AWS region, such as {@code us-east-1}. */
    public static Regions any() {
        return new Regions(null);
    }

    /** Exactly {@code regions}; each must have the form of an AWS region, and there must be at least one. */
    public static Regions of(Collection<String> regions) {
        if (regions.isEmpty()) {
            throw new IllegalArgumentException("the list of regions is empty");
        }
        for (String region : regions) {
            if (!isWellFormed(region)) {
                throw new IllegalArgumentException("'" + region + "' is not a region name such as us-east-1");
            }
        }
        return new Regions(Set.copyOf(new TreeSet<>(regions)));
    }

    /** Whether requests scoped to {@code region} are served. */
    public boolean serves(String region) {
        return served == null ? isWellFormed(region) : served.contains(region);
    }

    private static boolean isWellFormed(String region) {
        return SYNTAX.matcher(region).matches();
    }

    @Override
    public String toString() {
        return served == null ? "any region" : String.join(", ", new TreeSet<>(served));
    }
}
