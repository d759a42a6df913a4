package dev.certreg.core;

import dev.certreg.protocol.ErrorCode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * TagResource, UntagResource and ListTagsForResource, for every resource kind that has a {@link TaggableResource}
 * hook. The rules are those of the developer guide's "Tagging your AWS IoT resources": at most 50 tags per
 * resource, a key given again replaces its value, and the {@code aws:} prefix is reserved (it can be neither added
 * nor removed). Thread-safe.
 */
public final class TagService {
    /** The most tags one resource may carry. */
    public static final int MAX_TAGS = 50;
    private static final String RESERVED_PREFIX = "aws:";
    private static final String LIST = "ListTagsForResource";

    private final TagStore store;
    private final Map<String, TaggableResource> taggable;
    private final NextTokens tokens;

    /**
     * A service over {@code store} for the resource types in {@code taggable} (ARN resource type, such as
     * {@code cacert}, to its existence check).
     */
    public TagService(TagStore store, Map<String, TaggableResource> taggable, NextTokens tokens) {
        this.store = store;
        this.taggable = Map.copyOf(taggable);
        this.tokens = tokens;
    }

    /**
     * The tags a create call carries (RegisterCACertificate, CreatePolicy), checked as TagResource checks them; a
     * key given twice keeps its last value.
     */
    public static List<Tag> checkedOnCreate(List<Tag> tags) {
        List<Tag> merged = merged(tags);
        if (merged.size() > MAX_TAGS) {
            throw new ServiceException(ErrorCode.LIMIT_EXCEEDED,
                    "A resource can have at most " + MAX_TAGS + " tags; " + merged.size() + " were given");
        }
        return merged;
    }

    public void tagResource(Scope scope, String resourceArn, List<Tag> tags) {
        existing(scope, resourceArn);
        if (!store.putTags(scope, resourceArn, checkedOnCreate(tags), MAX_TAGS)) {
            throw new ServiceException(ErrorCode.LIMIT_EXCEEDED,
                    "Resource " + resourceArn + " would have more than " + MAX_TAGS + " tags");
        }
    }

    public void untagResource(Scope scope, String resourceArn, List<String> tagKeys) {
        existing(scope, resourceArn);
        tagKeys.forEach(TagService::checkNotReserved);
        store.removeTags(scope, resourceArn, tagKeys);
    }

    public TokenPage<Tag> listTagsForResource(Scope scope, String resourceArn, String nextToken) {
        existing(scope, resourceArn);
        String list = LIST + "\n" + resourceArn;
        Optional<String> after = tokens.decode(scope, list, nextToken);
        Page<Tag> page = store.listTags(scope, resourceArn, after, MAX_TAGS);
        return new TokenPage<>(page.items(), tokens.next(scope, list, page, Tag::key));
    }

    private static List<Tag> merged(List<Tag> tags) {
        Map<String, Tag> byKey = new LinkedHashMap<>();
        for (Tag tag : tags) {
            checkNotReserved(tag.key());
            byKey.remove(tag.key());
            byKey.put(tag.key(), tag);
        }
        return List.copyOf(byKey.values());
    }

    private static void checkNotReserved(String key) {
        if (key.startsWith(RESERVED_PREFIX)) {
            throw ServiceException.invalidRequest(
                    "Tag keys starting with " + RESERVED_PREFIX + " are reserved for AWS use, got '" + key + "'");
        }
    }

    /** The checks of the resource ARN every tag operation makes. */
    private void existing(Scope scope, String resourceArn) {
        ResourceArn arn = ResourceArn.parse(resourceArn).orElseThrow(() -> ServiceException.invalidRequest(
                "resourceArn must be an AWS IoT ARN such as arn:aws:iot:REGION:ACCOUNT:TYPE/NAME, got '"
                        + resourceArn + "'"));
        if (!arn.scope().equals(scope)) {
            throw ServiceException.invalidRequest("resourceArn " + resourceArn + " is not in account "
                    + scope.account() + " and region " + scope.region());
        }
        TaggableResource resource = taggable.get(arn.resourceType());
        if (resource == null) {
            throw ServiceException.invalidRequest("Resource type " + arn.resourceType() + " is not taggable");
        }
        if (!resource.exists(scope, arn.name())) {
            throw ServiceException.notFound("Resource " + resourceArn + " does not exist");
        }
    }
}
