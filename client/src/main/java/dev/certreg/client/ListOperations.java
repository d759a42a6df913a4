package dev.certreg.client;

import java.util.function.Function;
import software.amazon.awssdk.services.iot.model.CACertificate;
import software.amazon.awssdk.services.iot.model.Certificate;
import software.amazon.awssdk.services.iot.model.ListAttachedPoliciesRequest;
import software.amazon.awssdk.services.iot.model.ListAttachedPoliciesResponse;
import software.amazon.awssdk.services.iot.model.ListCaCertificatesRequest;
import software.amazon.awssdk.services.iot.model.ListCaCertificatesResponse;
import software.amazon.awssdk.services.iot.model.ListCertificatesByCaRequest;
import software.amazon.awssdk.services.iot.model.ListCertificatesByCaResponse;
import software.amazon.awssdk.services.iot.model.ListCertificatesRequest;
import software.amazon.awssdk.services.iot.model.ListCertificatesResponse;
import software.amazon.awssdk.services.iot.model.ListPoliciesRequest;
import software.amazon.awssdk.services.iot.model.ListPoliciesResponse;
import software.amazon.awssdk.services.iot.model.ListPolicyPrincipalsRequest;
import software.amazon.awssdk.services.iot.model.ListPolicyPrincipalsResponse;
import software.amazon.awssdk.services.iot.model.ListPrincipalPoliciesRequest;
import software.amazon.awssdk.services.iot.model.ListPrincipalPoliciesResponse;
import software.amazon.awssdk.services.iot.model.ListPrincipalThingsRequest;
import software.amazon.awssdk.services.iot.model.ListPrincipalThingsResponse;
import software.amazon.awssdk.services.iot.model.ListPrincipalThingsV2Request;
import software.amazon.awssdk.services.iot.model.ListPrincipalThingsV2Response;
import software.amazon.awssdk.services.iot.model.ListTagsForResourceRequest;
import software.amazon.awssdk.services.iot.model.ListTagsForResourceResponse;
import software.amazon.awssdk.services.iot.model.ListTargetsForPolicyRequest;
import software.amazon.awssdk.services.iot.model.ListTargetsForPolicyResponse;
import software.amazon.awssdk.services.iot.model.ListThingPrincipalsRequest;
import software.amazon.awssdk.services.iot.model.ListThingPrincipalsResponse;
import software.amazon.awssdk.services.iot.model.ListThingPrincipalsV2Request;
import software.amazon.awssdk.services.iot.model.ListThingPrincipalsV2Response;
import software.amazon.awssdk.services.iot.model.ListThingsRequest;
import software.amazon.awssdk.services.iot.model.ListThingsResponse;
import software.amazon.awssdk.services.iot.model.Policy;
import software.amazon.awssdk.services.iot.model.PrincipalThingObject;
import software.amazon.awssdk.services.iot.model.Tag;
import software.amazon.awssdk.services.iot.model.ThingAttribute;
import software.amazon.awssdk.services.iot.model.ThingPrincipalObject;

/**
 * The IoT lists as {@link ListOperation}s. The marker lists share botocore's paginator shape {@code input_token:
 * marker}, {@code output_token: nextMarker}, {@code limit_key: pageSize}, and a {@code result_key} of their own
 * ({@code certificates}, {@code policies}, {@code targets}, {@code principals}); the registry lists page with
 * {@code nextToken} and {@code maxResults} (ListTagsForResource has no limit key, so a page size is ignored there).
 * Each takes the function that sends the request, usually a method of {@code IotClient}.
 *
 * <p>Stateless and thread-safe.
 */
public final class ListOperations {
    private ListOperations() {}

    /** ListCertificatesByCA, sent with {@code call}. */
    public static ListOperation<ListCertificatesByCaRequest, ListCertificatesByCaResponse, Certificate>
            listCertificatesByCa(Function<ListCertificatesByCaRequest, ListCertificatesByCaResponse> call) {
        return new ListOperation<>(
                "ListCertificatesByCA",
                "certificates",
                ListCertificatesByCaRequest::marker,
                (request, marker) -> request.toBuilder().marker(marker).build(),
                ListCertificatesByCaRequest::pageSize,
                (request, pageSize) -> request.toBuilder().pageSize(pageSize).build(),
                call,
                ListCertificatesByCaResponse::certificates,
                ListCertificatesByCaResponse::nextMarker);
    }

    /** ListCertificates, sent with {@code call}. */
    public static ListOperation<ListCertificatesRequest, ListCertificatesResponse, Certificate> listCertificates(
            Function<ListCertificatesRequest, ListCertificatesResponse> call) {
        return new ListOperation<>(
                "ListCertificates",
                "certificates",
                ListCertificatesRequest::marker,
                (request, marker) -> request.toBuilder().marker(marker).build(),
                ListCertificatesRequest::pageSize,
                (request, pageSize) -> request.toBuilder().pageSize(pageSize).build(),
                call,
                ListCertificatesResponse::certificates,
                ListCertificatesResponse::nextMarker);
    }

    /** ListCACertificates, sent with {@code call}. */
    public static ListOperation<ListCaCertificatesRequest, ListCaCertificatesResponse, CACertificate>
            listCaCertificates(Function<ListCaCertificatesRequest, ListCaCertificatesResponse> call) {
        return new ListOperation<>(
                "ListCACertificates",
                "certificates",
                ListCaCertificatesRequest::marker,
                (request, marker) -> request.toBuilder().marker(marker).build(),
                ListCaCertificatesRequest::pageSize,
                (request, pageSize) -> request.toBuilder().pageSize(pageSize).build(),
                call,
                ListCaCertificatesResponse::certificates,
                ListCaCertificatesResponse::nextMarker);
    }
    /** ListPolicies, sent with {@code call}; its result key is {@code policies}. */
    public static ListOperation<ListPoliciesRequest, ListPoliciesResponse, Policy>
            listPolicies(Function<ListPoliciesRequest, ListPoliciesResponse> call) {
        return new ListOperation<>(
                "ListPolicies",
                "policies",
                ListPoliciesRequest::marker,
                (request, marker) -> request.toBuilder().marker(marker).build(),
                ListPoliciesRequest::pageSize,
                (request, pageSize) -> request.toBuilder().pageSize(pageSize).build(),
                call,
                ListPoliciesResponse::policies,
                ListPoliciesResponse::nextMarker);
    }

    /** ListAttachedPolicies, sent with {@code call}; its result key is {@code policies}. */
    public static ListOperation<ListAttachedPoliciesRequest, ListAttachedPoliciesResponse, Policy>
            listAttachedPolicies(Function<ListAttachedPoliciesRequest, ListAttachedPoliciesResponse> call) {
        return new ListOperation<>(
                "ListAttachedPolicies",
                "policies",
                ListAttachedPoliciesRequest::marker,
                (request, marker) -> request.toBuilder().marker(marker).build(),
                ListAttachedPoliciesRequest::pageSize,
                (request, pageSize) -> request.toBuilder().pageSize(pageSize).build(),
                call,
                ListAttachedPoliciesResponse::policies,
                ListAttachedPoliciesResponse::nextMarker);
    }

    /** ListTargetsForPolicy, sent with {@code call}; its result key is {@code targets}. */
    public static ListOperation<ListTargetsForPolicyRequest, ListTargetsForPolicyResponse, String>
            listTargetsForPolicy(Function<ListTargetsForPolicyRequest, ListTargetsForPolicyResponse> call) {
        return new ListOperation<>(
                "ListTargetsForPolicy",
                "targets",
                ListTargetsForPolicyRequest::marker,
                (request, marker) -> request.toBuilder().marker(marker).build(),
                ListTargetsForPolicyRequest::pageSize,
                (request, pageSize) -> request.toBuilder().pageSize(pageSize).build(),
                call,
                ListTargetsForPolicyResponse::targets,
                ListTargetsForPolicyResponse::nextMarker);
    }

    /** ListPrincipalPolicies, sent with {@code call}; its result key is {@code policies}. */
    @SuppressWarnings("deprecation")
    public static ListOperation<ListPrincipalPoliciesRequest, ListPrincipalPoliciesResponse, Policy>
            listPrincipalPolicies(Function<ListPrincipalPoliciesRequest, ListPrincipalPoliciesResponse> call) {
        return new ListOperation<>(
                "ListPrincipalPolicies",
                "policies",
                ListPrincipalPoliciesRequest::marker,
                (request, marker) -> request.toBuilder().marker(marker).build(),
                ListPrincipalPoliciesRequest::pageSize,
                (request, pageSize) -> request.toBuilder().pageSize(pageSize).build(),
                call,
                ListPrincipalPoliciesResponse::policies,
                ListPrincipalPoliciesResponse::nextMarker);
    }

    /** ListPolicyPrincipals, sent with {@code call}; its result key is {@code principals}. */
    @SuppressWarnings("deprecation")
    public static ListOperation<ListPolicyPrincipalsRequest, ListPolicyPrincipalsResponse, String>
            listPolicyPrincipals(Function<ListPolicyPrincipalsRequest, ListPolicyPrincipalsResponse> call) {
        return new ListOperation<>(
                "ListPolicyPrincipals",
                "principals",
                ListPolicyPrincipalsRequest::marker,
                (request, marker) -> request.toBuilder().marker(marker).build(),
                ListPolicyPrincipalsRequest::pageSize,
                (request, pageSize) -> request.toBuilder().pageSize(pageSize).build(),
                call,
                ListPolicyPrincipalsResponse::principals,
                ListPolicyPrincipalsResponse::nextMarker);
    }

    /** ListThings, sent with {@code call}. */
    public static ListOperation<ListThingsRequest, ListThingsResponse, ThingAttribute> listThings(
            Function<ListThingsRequest, ListThingsResponse> call) {
        return new ListOperation<>(
                "ListThings",
                "things",
                ListThingsRequest::nextToken,
                (request, token) -> request.toBuilder().nextToken(token).build(),
                ListThingsRequest::maxResults,
                (request, maxResults) -> request.toBuilder().maxResults(maxResults).build(),
                call,
                ListThingsResponse::things,
                ListThingsResponse::nextToken);
    }

    /** ListThingPrincipals, sent with {@code call}. */
    public static ListOperation<ListThingPrincipalsRequest, ListThingPrincipalsResponse, String> listThingPrincipals(
            Function<ListThingPrincipalsRequest, ListThingPrincipalsResponse> call) {
        return new ListOperation<>(
                "ListThingPrincipals",
                "principals",
                ListThingPrincipalsRequest::nextToken,
                (request, token) -> request.toBuilder().nextToken(token).build(),
                ListThingPrincipalsRequest::maxResults,
                (request, maxResults) -> request.toBuilder().maxResults(maxResults).build(),
                call,
                ListThingPrincipalsResponse::principals,
                ListThingPrincipalsResponse::nextToken);
    }

    /** ListThingPrincipalsV2, sent with {@code call}. */
    public static ListOperation<ListThingPrincipalsV2Request, ListThingPrincipalsV2Response, ThingPrincipalObject> listThingPrincipalsV2(
            Function<ListThingPrincipalsV2Request, ListThingPrincipalsV2Response> call) {
        return new ListOperation<>(
                "ListThingPrincipalsV2",
                "thingPrincipalObjects",
                ListThingPrincipalsV2Request::nextToken,
                (request, token) -> request.toBuilder().nextToken(token).build(),
                ListThingPrincipalsV2Request::maxResults,
                (request, maxResults) -> request.toBuilder().maxResults(maxResults).build(),
                call,
                ListThingPrincipalsV2Response::thingPrincipalObjects,
                ListThingPrincipalsV2Response::nextToken);
    }

    /** ListPrincipalThings, sent with {@code call}. */
    public static ListOperation<ListPrincipalThingsRequest, ListPrincipalThingsResponse, String> listPrincipalThings(
            Function<ListPrincipalThingsRequest, ListPrincipalThingsResponse> call) {
        return new ListOperation<>(
                "ListPrincipalThings",
                "things",
                ListPrincipalThingsRequest::nextToken,
                (request, token) -> request.toBuilder().nextToken(token).build(),
                ListPrincipalThingsRequest::maxResults,
                (request, maxResults) -> request.toBuilder().maxResults(maxResults).build(),
                call,
                ListPrincipalThingsResponse::things,
                ListPrincipalThingsResponse::nextToken);
    }

    /** ListPrincipalThingsV2, sent with {@code call}. */
    public static ListOperation<ListPrincipalThingsV2Request, ListPrincipalThingsV2Response, PrincipalThingObject> listPrincipalThingsV2(
            Function<ListPrincipalThingsV2Request, ListPrincipalThingsV2Response> call) {
        return new ListOperation<>(
                "ListPrincipalThingsV2",
                "principalThingObjects",
                ListPrincipalThingsV2Request::nextToken,
                (request, token) -> request.toBuilder().nextToken(token).build(),
                ListPrincipalThingsV2Request::maxResults,
                (request, maxResults) -> request.toBuilder().maxResults(maxResults).build(),
                call,
                ListPrincipalThingsV2Response::principalThingObjects,
                ListPrincipalThingsV2Response::nextToken);
    }

    /** ListTagsForResource, sent with {@code call}. */
    public static ListOperation<ListTagsForResourceRequest, ListTagsForResourceResponse, Tag> listTagsForResource(
            Function<ListTagsForResourceRequest, ListTagsForResourceResponse> call) {
        return new ListOperation<>(
                "ListTagsForResource",
                "tags",
                ListTagsForResourceRequest::nextToken,
                (request, token) -> request.toBuilder().nextToken(token).build(),
                request -> null,
                (request, ignored) -> request,
                call,
                ListTagsForResourceResponse::tags,
                ListTagsForResourceResponse::nextToken);
    }
}
