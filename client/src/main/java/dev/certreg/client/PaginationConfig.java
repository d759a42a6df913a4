package dev.certreg.client;

import dev.certreg.client.internal.NextTokenCodec;
import dev.certreg.protocol.Members;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * boto3's {@code PaginationConfig}: {@code MaxItems}, {@code PageSize} and {@code StartingToken}, each optional.
 * Unlike botocore, every value is checked when the config is built, before any request: MaxItems must be positive,
 * PageSize within the model's 1..250, and the StartingToken readable.
 *
 * <p>Immutable and thread-safe; its {@link Builder} is not.
 */
public final class PaginationConfig {
    /** The smallest page size the IoT model allows (its PageSize shape, in {@code protocol}'s member table). */
    public static final int MIN_PAGE_SIZE = (int) Members.ListCertificatesByCA.PAGE_SIZE.min();

    /** The largest page size the IoT model allows (its PageSize shape, in {@code protocol}'s member table). */
    public static final int MAX_PAGE_SIZE = (int) Members.ListCertificatesByCA.PAGE_SIZE.max();

    private static final PaginationConfig DEFAULTS = builder().build();

    private final Integer maxItems;
    private final Integer pageSize;
    private final String startingToken;

    private PaginationConfig(Builder builder) {
        this.maxItems = builder.maxItems;
        this.pageSize = builder.pageSize;
        this.startingToken = builder.startingToken;
    }

    /** No limit, the server's page size, from the beginning. */
    public static PaginationConfig defaults() {
        return DEFAULTS;
    }

    /** A builder with nothing set. */
    public static Builder builder() {
        return new Builder();
    }

    /** The most items one walk returns, if limited. */
    public OptionalInt maxItems() {
        return maxItems == null ? OptionalInt.empty() : OptionalInt.of(maxItems);
    }

    /** The page size to request; it replaces any page size on the request. */
    public OptionalInt pageSize() {
        return pageSize == null ? OptionalInt.empty() : OptionalInt.of(pageSize);
    }

    /** The NextToken of an earlier walk (or a raw service marker) to resume from. */
    public Optional<String> startingToken() {
        return Optional.ofNullable(startingToken);
    }

    /** A builder holding this config's values. */
    public Builder toBuilder() {
        return builder().maxItems(maxItems).pageSize(pageSize).startingToken(startingToken);
    }

    /**
     * @throws IllegalArgumentException if {@code pageSize} is outside 1..250; {@code what} names it in the message
     */
    static int checkPageSize(int pageSize, String what) {
        if (pageSize < MIN_PAGE_SIZE || pageSize > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException(
                    what + " must be between " + MIN_PAGE_SIZE + " and " + MAX_PAGE_SIZE + ", not " + pageSize);
        }
        return pageSize;
    }

    /** Collects the values of a {@link PaginationConfig}; {@code null} leaves a value unset. Not thread-safe. */
    public static final class Builder {
        private Integer maxItems;
        private Integer pageSize;
        private String startingToken;

        private Builder() {}

        /** The most items one walk returns, at least 1. */
        public Builder maxItems(Integer maxItems) {
            this.maxItems = maxItems;
            return this;
        }

        /** The page size to request, 1..250. */
        public Builder pageSize(Integer pageSize) {
            this.pageSize = pageSize;
            return this;
        }

        /** The NextToken to resume from. */
        public Builder startingToken(String startingToken) {
            this.startingToken = startingToken;
            return this;
        }

        /**
         * The config.
         *
         * @throws IllegalArgumentException if MaxItems is not positive, PageSize is outside 1..250 or the
         *     StartingToken cannot be read (the message names it)
         */
        public PaginationConfig build() {
            if (maxItems != null && maxItems < 1) {
                throw new IllegalArgumentException("MaxItems must be at least 1, not " + maxItems);
            }
            if (pageSize != null) {
                checkPageSize(pageSize, "PageSize");
            }
            if (startingToken != null) {
                NextTokenCodec.decode(startingToken);
            }
            return new PaginationConfig(this);
        }
    }
}
