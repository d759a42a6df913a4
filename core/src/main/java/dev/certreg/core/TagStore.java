package dev.certreg.core;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The storage SPI for resource tags, beside {@link CertificateStore} and over the same database. Tags are keyed by
 * (scope, resource ARN, key), whatever kind of resource the ARN names; which kinds are taggable, and whether a
 * resource exists, is the {@link TaggableResource} hooks' business, not the store's. Keys compare case-sensitively.
 *
 * <p>Limits are decided by the database: {@link #putTags} counts and writes in one transaction that excludes every
 * other tag write to the same resource. Writes are durable when they return. Implementations are thread-safe.
 */
public interface TagStore {

    /**
     * Adds {@code tags} to the resource, replacing the value of a key it already has, unless the resource would then
     * carry more than {@code maxTags} tags: then returns false, writing nothing.
     */
    boolean putTags(Scope scope, String resourceArn, List<Tag> tags, int maxTags);

    /** Removes the resource's tags with these keys; keys it does not carry are ignored. */
    void removeTags(Scope scope, String resourceArn, Collection<String> keys);

    /** Removes every tag of the resource. */
    void deleteTags(Scope scope, String resourceArn);

    /**
     * One page of the resource's tags in key order (byte order), starting after the key {@code after} when present.
     */
    Page<Tag> listTags(Scope scope, String resourceArn, Optional<String> after, int limit);
}
