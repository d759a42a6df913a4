package dev.certreg.core;

/**
 * The hook through which a kind of resource becomes taggable by TagResource, UntagResource and
 * ListTagsForResource. {@link TagService} keeps one per ARN resource type and asks it whether the ARN names an
 * existing resource; the tags themselves live in the {@link TagStore}, keyed by the resource's ARN, whatever its kind.
 *
 * <p>To make another kind taggable (policies, say, whose ARNs read {@code arn:aws:iot:REGION:ACCOUNT:policy/NAME}):
 * <ol>
 *   <li>register it where the server builds its {@link TagService}:
 *       {@code taggable.put("policy", (scope, name) -> policyStore.findPolicy(scope, name).isPresent())};</li>
 *   <li>write the tags a create call carries ({@code tags} of CreatePolicy) through
 *       {@link TagService#checkedOnCreate} and {@link TagStore#putTags} (or in the create's own transaction, as
 *       the CA store does for RegisterCACertificate);</li>
 *   <li>delete the resource's tags in the transaction that deletes the resource, so that a resource created again
 *       under the same name starts with none ({@link TagStore#deleteTags} or the same SQL).</li>
 * </ol>
 * An ARN whose type has no hook is refused with InvalidRequestException; one whose hook answers false with
 * ResourceNotFoundException. Implementations must be thread-safe.
 */
@FunctionalInterface
public interface TaggableResource {
    /** Whether {@code scope} holds the resource called {@code name} (the part of the ARN after the type's slash). */
    boolean exists(Scope scope, String name);
}
