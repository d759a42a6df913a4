package dev.certreg.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.certreg.core.CertificateStatus;
import dev.certreg.core.Scope;
import dev.certreg.core.ServiceException;
import dev.certreg.core.policy.PolicyDocument;
import dev.certreg.protocol.Members.CreatePolicy;
import dev.certreg.protocol.Members.RegisterCACertificate;
import dev.certreg.protocol.Members.RegisterCertificate;
import dev.certreg.protocol.Members.UntagResource;
import dev.certreg.protocol.Members.UpdateCACertificate;
import dev.certreg.protocol.Members.UpdateThing;
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
            readMembers(request, json);
        } catch (ServiceException refused) {
            assertThat(refused.errorCode().httpStatus()).as(refused.getMessage()).isEqualTo(400);
        }
    }

    private static void readMembers(ApiRequest request, ObjectNode json) {
        request.string(RegisterCertificate.CA_CERTIFICATE_PEM);
        request.enumValue(RegisterCertificate.STATUS, CertificateStatus.class);
        request.bool(UpdateCACertificate.REMOVE_AUTO_REGISTRATION);
        request.longValue(UpdateThing.EXPECTED_VERSION);
        request.object(RegisterCACertificate.REGISTRATION_CONFIG);
        request.object(UpdateThing.ATTRIBUTE_PAYLOAD);
        TagParameters.tags("tags", request.array(RegisterCACertificate.TAGS));
        if (json.hasNonNull("tagKeys")) {
            TagParameters.keys("tagKeys", request.array(UntagResource.TAG_KEYS));
        }
        if (json.hasNonNull("policyDocument")) {
            String document = request.string(CreatePolicy.POLICY_DOCUMENT);
            assertThat(PolicyDocument.parse(document)).isNotNull();
        }
    }
}
