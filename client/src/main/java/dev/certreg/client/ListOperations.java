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
import software.amazon.awssdk.services.iot.model.ListTargetsForPolicyRequest;
import software.amazon.awssdk.services.iot.model.ListTargetsForPolicyResponse;
import software.amazon.awssdk.services.iot.model.Policy;

/**
 * The IoT lists paged by marker as {@link ListOperation}s. All share botocore's paginator shape:
 * {@code input_token: marker}, {@code output_token: nextMarker}, {@code limit_key: pageSize}, and a
 * {@code result_key} of their own ({@code certificates}, {@code policies}, {@code targets}, {@code principals}).
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
}
