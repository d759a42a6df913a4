package dev.certreg.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.certreg.core.DescribedVersion;
import dev.certreg.core.ListQuery;
import dev.certreg.core.NamedList;
import dev.certreg.core.Policy;
import dev.certreg.core.PolicyService;
import dev.certreg.core.PolicyVersion;
import dev.certreg.core.Scope;
import dev.certreg.protocol.Member;
import dev.certreg.protocol.Members.AttachPolicy;
import dev.certreg.protocol.Members.AttachPrincipalPolicy;
import dev.certreg.protocol.Members.CreatePolicy;
import dev.certreg.protocol.Members.CreatePolicyVersion;
import dev.certreg.protocol.Members.DeletePolicy;
import dev.certreg.protocol.Members.DeletePolicyVersion;
import dev.certreg.protocol.Members.DetachPolicy;
import dev.certreg.protocol.Members.DetachPrincipalPolicy;
import dev.certreg.protocol.Members.GetPolicy;
import dev.certreg.protocol.Members.GetPolicyVersion;
import dev.certreg.protocol.Members.ListAttachedPolicies;
import dev.certreg.protocol.Members.ListPolicies;
import dev.certreg.protocol.Members.ListPolicyPrincipals;
import dev.certreg.protocol.Members.ListPolicyVersions;
import dev.certreg.protocol.Members.ListPrincipalPolicies;
import dev.certreg.protocol.Members.ListTargetsForPolicy;
import dev.certreg.protocol.Members.SetDefaultPolicyVersion;

/**
 * Policies: {@code /policies…}, {@code /target-policies}, {@code /attached-policies}, {@code /policy-targets} and the
 * legacy {@code /principal-policies} and {@code /policy-principals}, which carry the principal or the policy name in
 * a header.
 */
final class PolicyResource {
    private final PolicyService service;

    PolicyResource(PolicyService service) {
        this.service = service;
    }

    ObjectNode create(ApiRequest request) {
        String name = request.string(CreatePolicy.POLICY_NAME);
        // The service's own document limit, far below the model's maximum, is the service's rule.
        Policy policy = service.create(request.scope(), name, request.string(CreatePolicy.POLICY_DOCUMENT),
                TagParameters.tags("tags", request.array(CreatePolicy.TAGS)));
        ObjectNode body = Json.object();
        body.put("policyName", policy.name());
        body.put("policyArn", policy.arn());
        body.put("policyDocument", policy.document());
        body.put("policyVersionId", Long.toString(policy.defaultVersionId()));
        return body;
    }

    ObjectNode get(ApiRequest request) {
        Policy policy = service.get(request.scope(), request.string(GetPolicy.POLICY_NAME));
        ObjectNode body = Json.object();
        body.put("policyName", policy.name());
        body.put("policyArn", policy.arn());
        body.put("policyDocument", policy.document());
        body.put("defaultVersionId", Long.toString(policy.defaultVersionId()));
        body.put("creationDate", Json.epochSeconds(policy.creationDate()));
        body.put("lastModifiedDate", Json.epochSeconds(policy.lastModifiedDate()));
        body.put("generationId", policy.generationId());
        return body;
    }

    ObjectNode list(ApiRequest request) {
        Scope scope = request.scope();
        ListQuery query = ListParameters.query(request, ListPolicies.PAGE_SIZE, ListPolicies.MARKER,
                ListPolicies.ASCENDING_ORDER);
        return policies(scope, service.list(scope, query));
    }

    ObjectNode delete(ApiRequest request) {
        service.delete(request.scope(), request.string(DeletePolicy.POLICY_NAME));
        return Json.object();
    }

    ObjectNode createVersion(ApiRequest request) {
        String name = request.string(CreatePolicyVersion.POLICY_NAME);
        PolicyVersion version = service.createVersion(request.scope(), name,
                request.string(CreatePolicyVersion.POLICY_DOCUMENT),
                Boolean.TRUE.equals(request.bool(CreatePolicyVersion.SET_AS_DEFAULT)));
        ObjectNode body = Json.object();
        body.put("policyArn", Policy.arn(request.scope(), name));
        body.put("policyDocument", version.document());
        body.put("policyVersionId", Long.toString(version.versionId()));
        body.put("isDefaultVersion", version.isDefault());
        return body;
    }

    ObjectNode getVersion(ApiRequest request) {
        DescribedVersion described = service.getVersion(request.scope(),
                request.string(GetPolicyVersion.POLICY_NAME), request.string(GetPolicyVersion.POLICY_VERSION_ID));
        Policy policy = described.policy();
        PolicyVersion version = described.version();
        ObjectNode body = Json.object();
        body.put("policyArn", policy.arn());
        body.put("policyName", policy.name());
        body.put("policyDocument", version.document());
        body.put("policyVersionId", Long.toString(version.versionId()));
        body.put("isDefaultVersion", version.isDefault());
        body.put("creationDate", Json.epochSeconds(version.createDate()));
        body.put("lastModifiedDate", Json.epochSeconds(policy.lastModifiedDate()));
        body.put("generationId", policy.generationId());
        return body;
    }

    ObjectNode listVersions(ApiRequest request) {
        ObjectNode body = Json.object();
        ArrayNode versions = body.putArray("policyVersions");
        String name = request.string(ListPolicyVersions.POLICY_NAME);
        for (PolicyVersion version : service.listVersions(request.scope(), name)) {
            ObjectNode item = versions.addObject();
            item.put("versionId", Long.toString(version.versionId()));
            item.put("isDefaultVersion", version.isDefault());
            item.put("createDate", Json.epochSeconds(version.createDate()));
        }
        return body;
    }

    ObjectNode setDefaultVersion(ApiRequest request) {
        service.setDefaultVersion(request.scope(), request.string(SetDefaultPolicyVersion.POLICY_NAME),
                request.string(SetDefaultPolicyVersion.POLICY_VERSION_ID));
        return Json.object();
    }

    ObjectNode deleteVersion(ApiRequest request) {
        service.deleteVersion(request.scope(), request.string(DeletePolicyVersion.POLICY_NAME),
                request.string(DeletePolicyVersion.POLICY_VERSION_ID));
        return Json.object();
    }

    ObjectNode attach(ApiRequest request) {
        service.attach(request.scope(), request.string(AttachPolicy.POLICY_NAME),
                request.string(AttachPolicy.TARGET));
        return Json.object();
    }

    ObjectNode detach(ApiRequest request) {
        service.detach(request.scope(), request.string(DetachPolicy.POLICY_NAME),
                request.string(DetachPolicy.TARGET));
        return Json.object();
    }

    ObjectNode listAttached(ApiRequest request) {
        // recursive only reaches thing groups' parents; certreg's targets are certificates. Still checked for type.
        request.bool(ListAttachedPolicies.RECURSIVE);
        Scope scope = request.scope();
        String target = request.string(ListAttachedPolicies.TARGET);
        ListQuery query = attachmentOrder(request, ListAttachedPolicies.PAGE_SIZE, ListAttachedPolicies.MARKER);
        return policies(scope, service.listAttached(scope, target, query));
    }

    ObjectNode listTargets(ApiRequest request) {
        String name = request.string(ListTargetsForPolicy.POLICY_NAME);
        ListQuery query = attachmentOrder(request, ListTargetsForPolicy.PAGE_SIZE, ListTargetsForPolicy.MARKER);
        NamedList targets = service.listTargets(request.scope(), name, query);
        return names("targets", targets);
    }

    /** The paging of the attachment lists that have no order member: oldest attachment first. */
    private static ListQuery attachmentOrder(ApiRequest request, Member pageSize, Member marker) {
        return new ListQuery(request.integer(pageSize), request.string(marker), true);
    }

    ObjectNode attachPrincipal(ApiRequest request) {
        service.attach(request.scope(), request.string(AttachPrincipalPolicy.POLICY_NAME),
                request.string(AttachPrincipalPolicy.PRINCIPAL));
        return Json.object();
    }

    ObjectNode detachPrincipal(ApiRequest request) {
        service.detachPrincipal(request.scope(), request.string(DetachPrincipalPolicy.POLICY_NAME),
                request.string(DetachPrincipalPolicy.PRINCIPAL));
        return Json.object();
    }

    ObjectNode listPrincipalPolicies(ApiRequest request) {
        Scope scope = request.scope();
        String principal = request.string(ListPrincipalPolicies.PRINCIPAL);
        ListQuery query = ListParameters.query(request, ListPrincipalPolicies.PAGE_SIZE,
                ListPrincipalPolicies.MARKER, ListPrincipalPolicies.ASCENDING_ORDER);
        return policies(scope, service.listAttached(scope, principal, query));
    }

    ObjectNode listPolicyPrincipals(ApiRequest request) {
        String name = request.string(ListPolicyPrincipals.POLICY_NAME);
        ListQuery query = ListParameters.query(request, ListPolicyPrincipals.PAGE_SIZE, ListPolicyPrincipals.MARKER,
                ListPolicyPrincipals.ASCENDING_ORDER);
        return names("principals", service.listTargets(request.scope(), name, query));
    }

    private static ObjectNode policies(Scope scope, NamedList list) {
        ObjectNode body = Json.object();
        ArrayNode policies = body.putArray("policies");
        for (String name : list.names()) {
            ObjectNode item = policies.addObject();
            item.put("policyName", name);
            item.put("policyArn", Policy.arn(scope, name));
        }
        list.nextMarker().ifPresent(marker -> body.put("nextMarker", marker));
        return body;
    }

    private static ObjectNode names(String member, NamedList list) {
        ObjectNode body = Json.object();
        ArrayNode names = body.putArray(member);
        list.names().forEach(names::add);
        list.nextMarker().ifPresent(marker -> body.put("nextMarker", marker));
        return body;
    }
}
