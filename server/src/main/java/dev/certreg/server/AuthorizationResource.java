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
import java.util.ArrayList;
import java.util.List;

/** TestAuthorization: {@code POST /test-authorization}. */
final class AuthorizationResource {
    private static final int AUTH_INFOS_MAX = 10;
    private static final int RESOURCE_MAX = 2048;
    private static final int PRINCIPAL_MAX = 2048;
    private static final int POLICY_NAME_MAX = 128;

    private final TestAuthorizationService service;

    AuthorizationResource(TestAuthorizationService service) {
        this.service = service;
    }

    ObjectNode test(ApiRequest request) {
        Scope scope = request.scope();
        List<AuthCheck> checks = checks(request.bodyArray("authInfos"));
        List<AuthResult> results = service.test(scope, request.bodyString("principal", false, 1, PRINCIPAL_MAX),
                request.queryString("clientId", 0, Integer.MAX_VALUE, null), checks,
                names(request.bodyArray("policyNamesToAdd"), "policyNamesToAdd"),
                names(request.bodyArray("policyNamesToSkip"), "policyNamesToSkip"));
        ObjectNode body = Json.object();
        ArrayNode rendered = body.putArray("authResults");
        for (int i = 0; i < results.size(); i++) {
            render(rendered.addObject(), scope, checks.get(i), results.get(i));
        }
        return body;
    }

    private static List<AuthCheck> checks(JsonNode infos) {
        if (infos == null || infos.isEmpty() || infos.size() > AUTH_INFOS_MAX) {
            throw ServiceException.invalidRequest("authInfos must hold 1 to " + AUTH_INFOS_MAX + " items");
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
            checks.add(new AuthCheck(actionType, strings(info.get("resources"), "resources", RESOURCE_MAX)));
        }
        return checks;
    }

    private static List<String> names(JsonNode names, String member) {
        return names == null ? List.of() : strings(names, member, POLICY_NAME_MAX);
    }

    private static List<String> strings(JsonNode array, String member, int maxLength) {
        if (array == null || !array.isArray()) {
            throw ServiceException.invalidRequest(member + " must be a list of strings");
        }
        List<String> values = new ArrayList<>();
        for (JsonNode item : array) {
            if (!item.isTextual()) {
                throw ServiceException.invalidRequest(member + " must be a list of strings");
            }
            values.add(ApiRequest.checked(member, item.textValue(), 1, maxLength, null));
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
