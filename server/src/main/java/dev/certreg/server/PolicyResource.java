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
import java.util.regex.Pattern;

/**
 * Policies: {@code /policies…}, {@code /target-policies}, {@code /attached-policies}, {@code /policy-targets} and the
 * legacy {@code /principal-policies} and {@code /policy-principals}, which carry the principal or the policy name in
 * a header.
 */
final class PolicyResource {
    /** The model's PolicyDocument maximum; the service's own limit, far lower, is the service's rule. */
    static final int DOCUMENT_MAX = 404600;
    private static final Pattern POLICY_NAME = Pattern.compile("[\\w+=,.@-]+");
    private static final Pattern ANY = Pattern.compile("(?s).*");
    private static final int PRINCIPAL_MAX = 2048;

    private final PolicyService service;

    PolicyResource(PolicyService service) {
        this.service = service;
    }

    ObjectNode create(ApiRequest request) {
        String name = request.policyName("policyName");
        Policy policy = service.create(request.scope(), name,
                request.bodyString("policyDocument", true, 0, DOCUMENT_MAX),
                TagParameters.tags("tags", request.bodyArray("tags")));
        ObjectNode body = Json.object();
        body.put("policyName", policy.name());
        body.put("policyArn", policy.arn());
        body.put("policyDocument", policy.document());
        body.put("policyVersionId", Long.toString(policy.defaultVersionId()));
        return body;
    }

    ObjectNode get(ApiRequest request) {
        Policy policy = service.get(request.scope(), request.policyName("policyName"));
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
        return policies(scope, service.list(scope, ListParameters.query(request)));
    }

    ObjectNode delete(ApiRequest request) {
        service.delete(request.scope(), request.policyName("policyName"));
        return Json.object();
    }

    ObjectNode createVersion(ApiRequest request) {
        String name = request.policyName("policyName");
        PolicyVersion version = service.createVersion(request.scope(), name,
                request.bodyString("policyDocument", true, 0, DOCUMENT_MAX),
                Boolean.TRUE.equals(request.queryBoolean("setAsDefault")));
        ObjectNode body = Json.object();
        body.put("policyArn", Policy.arn(request.scope(), name));
        body.put("policyDocument", version.document());
        body.put("policyVersionId", Long.toString(version.versionId()));
        body.put("isDefaultVersion", version.isDefault());
        return body;
    }

    ObjectNode getVersion(ApiRequest request) {
        DescribedVersion described = service.getVersion(request.scope(), request.policyName("policyName"),
                request.pathString("policyVersionId"));
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
        for (PolicyVersion version : service.listVersions(request.scope(), request.policyName("policyName"))) {
            ObjectNode item = versions.addObject();
            item.put("versionId", Long.toString(version.versionId()));
            item.put("isDefaultVersion", version.isDefault());
            item.put("createDate", Json.epochSeconds(version.createDate()));
        }
        return body;
    }

    ObjectNode setDefaultVersion(ApiRequest request) {
        service.setDefaultVersion(request.scope(), request.policyName("policyName"),
                request.pathString("policyVersionId"));
        return Json.object();
    }

    ObjectNode deleteVersion(ApiRequest request) {
        service.deleteVersion(request.scope(), request.policyName("policyName"),
                request.pathString("policyVersionId"));
        return Json.object();
    }

    ObjectNode attach(ApiRequest request) {
        service.attach(request.scope(), request.policyName("policyName"), target(request));
        return Json.object();
    }

    ObjectNode detach(ApiRequest request) {
        service.detach(request.scope(), request.policyName("policyName"), target(request));
        return Json.object();
    }

    private static String target(ApiRequest request) {
        return request.bodyString("target", true, 1, PRINCIPAL_MAX);
    }

    ObjectNode listAttached(ApiRequest request) {
        // recursive only reaches thing groups' parents; certreg's targets are certificates. Still checked for type.
        request.queryBoolean("recursive");
        Scope scope = request.scope();
        ListQuery query = attachmentOrder(request);
        return policies(scope, service.listAttached(scope, request.pathString("target"), query));
    }

    ObjectNode listTargets(ApiRequest request) {
        ListQuery query = attachmentOrder(request);
        NamedList targets = service.listTargets(request.scope(), request.policyName("policyName"), query);
        return names("targets", targets);
    }

    /** The paging of the attachment lists that have no order member: oldest attachment first. */
    private static ListQuery attachmentOrder(ApiRequest request) {
        return new ListQuery(request.queryInteger("pageSize"), ListParameters.marker(request), true);
    }

    ObjectNode attachPrincipal(ApiRequest request) {
        service.attach(request.scope(), request.policyName("policyName"), principal(request));
        return Json.object();
    }

    ObjectNode detachPrincipal(ApiRequest request) {
        service.detachPrincipal(request.scope(), request.policyName("policyName"), principal(request));
        return Json.object();
    }

    ObjectNode listPrincipalPolicies(ApiRequest request) {
        Scope scope = request.scope();
        return policies(scope, service.listAttached(scope, principal(request), ListParameters.query(request)));
    }

    ObjectNode listPolicyPrincipals(ApiRequest request) {
        String name = request.header("x-amzn-iot-policy", "policyName", 1, 128, POLICY_NAME);
        return names("principals", service.listTargets(request.scope(), name, ListParameters.query(request)));
    }

    private static String principal(ApiRequest request) {
        return request.header("x-amzn-iot-principal", "principal", 1, PRINCIPAL_MAX, ANY);
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
