package dev.certreg.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.certreg.core.Policy;
import dev.certreg.core.Scope;
import dev.certreg.core.ServiceException;
import dev.certreg.core.TestAuthorizationService;
import dev.certreg.core.TestAuthorizationService.AuthCheck;
import dev.certreg.core.policy.AuthActionType;
import dev.certreg.core.policy.AuthResult;
import dev.certreg.protocol.Member;
import dev.certreg.protocol.Members.AuthInfo;
import dev.certreg.protocol.Members.TestAuthorization;
import java.util.ArrayList;
import java.util.List;

/** TestAuthorization: {@code POST /test-authorization}. */
final class AuthorizationResource {

    private final TestAuthorizationService service;

    AuthorizationResource(TestAuthorizationService service) {
        this.service = service;
    }

    ObjectNode test(ApiRequest request) {
        Scope scope = request.scope();
        List<AuthCheck> checks = checks(request.array(TestAuthorization.AUTH_INFOS));
        List<AuthResult> results = service.test(scope, request.string(TestAuthorization.PRINCIPAL),
                request.string(TestAuthorization.CLIENT_ID), checks,
                names(request.array(TestAuthorization.POLICY_NAMES_TO_ADD), "policyNamesToAdd",
                        TestAuthorization.POLICY_NAMES_TO_ADD_MEMBER),
                names(request.array(TestAuthorization.POLICY_NAMES_TO_SKIP), "policyNamesToSkip",
                        TestAuthorization.POLICY_NAMES_TO_SKIP_MEMBER));
        ObjectNode body = Json.object();
        ArrayNode rendered = body.putArray("authResults");
        for (int i = 0; i < results.size(); i++) {
            render(rendered.addObject(), scope, checks.get(i), results.get(i));
        }
        return body;
    }

    private static List<AuthCheck> checks(JsonNode infos) {
        Member member = TestAuthorization.AUTH_INFOS;
        if (infos == null || infos.size() < member.min() || infos.size() > member.max()) {
            throw ServiceException.invalidRequest(
                    member.wireName() + " must hold " + member.min() + " to " + member.max() + " items");
        }
        List<AuthCheck> checks = new ArrayList<>();
        for (JsonNode info : infos) {
            if (!info.isObject()) {
                throw ServiceException.invalidRequest("each authInfo must be an object");
            }
            JsonNode type = info.get("actionType");
            if (type == null || !type.isTextual()) {
                throw ServiceException.invalidRequest("each authInfo needs an actionType");
            }
            AuthActionType actionType = ApiRequest.enumValue("actionType", type.textValue(), AuthActionType.class);
            List<String> resources = strings(info.get("resources"), "resources", AuthInfo.RESOURCES_MEMBER);
            checks.add(new AuthCheck(actionType, resources));
        }
        return checks;
    }

    private static List<String> names(JsonNode names, String member, Member item) {
        return names == null ? List.of() : strings(names, member, item);
    }

    private static List<String> strings(JsonNode array, String member, Member item) {
        if (array == null || !array.isArray()) {
            throw ServiceException.invalidRequest(member + " must be a list of strings");
        }
        List<String> values = new ArrayList<>();
        for (JsonNode value : array) {
            if (!value.isTextual()) {
                throw ServiceException.invalidRequest(member + " must be a list of strings");
            }
            values.add(ApiRequest.checked(member, value.textValue(), item));
        }
        return values;
    }

    private static void render(ObjectNode out, Scope scope, AuthCheck check, AuthResult result) {
        ObjectNode info = out.putObject("authInfo");
        info.put("actionType", check.actionType().name());
        ArrayNode resources = info.putArray("resources");
        check.resources().forEach(resources::add);
        policies(out.putObject("allowed"), scope, result.allowing());
        ObjectNode denied = out.putObject("denied");
        policies(denied.putObject("implicitDeny"), scope, result.implicitlyDenying());
        policies(denied.putObject("explicitDeny"), scope, result.explicitlyDenying());
        out.put("authDecision", result.decision().name());
        out.putArray("missingContextValues");
    }

    private static void policies(ObjectNode out, Scope scope, List<String> names) {
        ArrayNode policies = out.putArray("policies");
        for (String name : names) {
            ObjectNode policy = policies.addObject();
            policy.put("policyName", name);
            policy.put("policyArn", Policy.arn(scope, name));
        }
    }
}
