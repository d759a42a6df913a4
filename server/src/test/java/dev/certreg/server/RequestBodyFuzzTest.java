package dev.certreg.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.certreg.core.CertificateStatus;
import dev.certreg.core.Scope;
import dev.certreg.core.ServiceException;
import dev.certreg.core.policy.PolicyDocument;
import java.util.Map;
import org.junit.jupiter.api.Timeout;

/**
 * Request bodies as the server reads them: the JSON parse, then the members of RegisterCertificate,
 * RegisterCACertificate, CreatePolicy, TagResource and UpdateThing through the same accessors the handlers use. Any
 * bytes give values or a 400 InvalidRequestException or MalformedPolicyException, never another exception.
 * docs/reliability.md says how to fuzz.
 */
@Timeout(10)
class RequestBodyFuzzTest {
    private static final Scope SCOPE = new Scope("123456789012", "us-east-1");

    @FuzzTest(maxDuration = "30m")
    void requestBody(byte[] body) {
        try {
            ObjectNode json = Json.parseBody(body);
            ApiRequest request = new ApiRequest(SCOPE, Map.of(), Map.of(),
                    RawRequest.of("POST", "/certificate/register", null, Map.of(), body), json);
            readMembers(request);
        } catch (ServiceException refused) {
            assertThat(refused.errorCode().httpStatus()).as(refused.getMessage()).isEqualTo(400);
        }
    }

    private static void readMembers(ApiRequest request) {
        request.bodyString("certificatePem", false, 1, CertificateResource.PEM_MAX);
        request.bodyEnum("status", CertificateStatus.class);
        request.bodyBoolean("setAsActive");
        request.bodyLong("expectedVersion");
        request.bodyObject("registrationConfig");
        request.bodyObject("attributePayload");
        TagParameters.tags("tags", request.bodyArray("tags"));
        if (request.bodyArray("tagKeys") != null) {
            TagParameters.keys("tagKeys", request.bodyArray("tagKeys"));
        }
        String document = request.bodyString("policyDocument", false, 0, 20_480);
        if (document != null) {
            assertThat(PolicyDocument.parse(document)).isNotNull();
        }
    }
}
