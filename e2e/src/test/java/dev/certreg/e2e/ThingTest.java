package dev.certreg.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.certreg.core.testing.TestPki;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.services.iot.IotClient;
import software.amazon.awssdk.services.iot.model.AttributePayload;
import software.amazon.awssdk.services.iot.model.CertificateStatus;
import software.amazon.awssdk.services.iot.model.CreateKeysAndCertificateResponse;
import software.amazon.awssdk.services.iot.model.CreateThingResponse;
import software.amazon.awssdk.services.iot.model.DeleteConflictException;
import software.amazon.awssdk.services.iot.model.DescribeThingResponse;
import software.amazon.awssdk.services.iot.model.InvalidRequestException;
import software.amazon.awssdk.services.iot.model.PrincipalThingObject;
import software.amazon.awssdk.services.iot.model.ResourceAlreadyExistsException;
import software.amazon.awssdk.services.iot.model.ResourceNotFoundException;
import software.amazon.awssdk.services.iot.model.ThingAttribute;
import software.amazon.awssdk.services.iot.model.ThingPrincipalObject;
import software.amazon.awssdk.services.iot.model.ThingPrincipalType;
import software.amazon.awssdk.services.iot.model.TransferConflictException;
import software.amazon.awssdk.services.iot.model.VersionConflictException;

/** Things and thing–principal attachments through the AWS SDK, from the provisioning script to the delete guards. */
class ThingTest extends RunningServer {

    @BeforeEach
    void patchingClient() {
        // HttpURLConnection cannot send PATCH, which UpdateThing uses.
        iot = client("AKIDEXAMPLE", "us-east-1", Apache5HttpClient.create());
    }

    private static AttributePayload attributes(Map<String, String> attributes, boolean merge) {
        return AttributePayload.builder().attributes(attributes).merge(merge).build();
    }

    @Test
    void theProvisioningScriptRunsUnchanged() {
        CreateThingResponse thing = iot.createThing(r -> r.thingName("MyLightBulb"));
        CreateKeysAndCertificateResponse keys = iot.createKeysAndCertificate(r -> r.setAsActive(true));
        iot.attachThingPrincipal(r -> r.thingName("MyLightBulb").principal(keys.certificateArn()));

        assertThat(thing.thingArn()).isEqualTo("arn:aws:iot:us-east-1:123456789012:thing/MyLightBulb");
        assertThat(thing.thingId()).matches("[0-9a-f-]{36}");
        assertThat(iot.listThingPrincipals(r -> r.thingName("MyLightBulb")).principals())
                .containsExactly(keys.certificateArn());
        assertThat(iot.listPrincipalThings(r -> r.principal(keys.certificateArn())).things())
                .containsExactly("MyLightBulb");
        assertThat(iot.listThingPrincipalsV2(r -> r.thingName("MyLightBulb")).thingPrincipalObjects())
                .containsExactly(ThingPrincipalObject.builder().principal(keys.certificateArn())
                        .thingPrincipalType(ThingPrincipalType.NON_EXCLUSIVE_THING).build());
        assertThat(iot.listPrincipalThingsV2(r -> r.principal(keys.certificateArn())).principalThingObjects())
                .containsExactly(PrincipalThingObject.builder().thingName("MyLightBulb")
                        .thingPrincipalType(ThingPrincipalType.NON_EXCLUSIVE_THING).build());
    }

    @Test
    void createThingIsIdempotentOnlyForTheSameConfiguration() {
        CreateThingResponse first = iot.createThing(r -> r.thingName("lamp")
                .attributePayload(attributes(Map.of("color", "red"), false)));
        CreateThingResponse again = iot.createThing(r -> r.thingName("lamp")
                .attributePayload(attributes(Map.of("color", "red"), false)));
        assertThat(again.thingId()).isEqualTo(first.thingId());
        assertThatThrownBy(() -> iot.createThing(r -> r.thingName("lamp")))
                .isInstanceOfSatisfying(ResourceAlreadyExistsException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(409);
                    assertThat(e.resourceId()).isEqualTo(first.thingId());
                    assertThat(e.resourceArn()).isEqualTo(first.thingArn());
                });
        assertThatThrownBy(() -> iot.createThing(r -> r.thingName("typed").thingTypeName("LightBulb")))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> iot.createThing(r -> r.thingName("bad name")))
                .isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> iot.createThing(r -> r.thingName("crowded")
                .attributePayload(attributes(Map.of("a", "1", "b", "2", "c", "3", "d", "4"), false))))
                .isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void updateThingMergesOrReplacesAttributesAndChecksTheVersion() {
        iot.createThing(r -> r.thingName("lamp").attributePayload(attributes(Map.of("color", "red", "w", "60"),
                false)));
        DescribeThingResponse created = iot.describeThing(r -> r.thingName("lamp"));
        assertThat(created.version()).isEqualTo(1);
        assertThat(created.defaultClientId()).isEqualTo("lamp");
        assertThat(created.attributes()).isEqualTo(Map.of("color", "red", "w", "60"));

        iot.updateThing(r -> r.thingName("lamp").attributePayload(attributes(Map.of("color", "", "room", "hall"),
                true)).expectedVersion(1L));
        DescribeThingResponse merged = iot.describeThing(r -> r.thingName("lamp"));
        assertThat(merged.attributes()).isEqualTo(Map.of("w", "60", "room", "hall"));
        assertThat(merged.version()).isEqualTo(2);

        assertThatThrownBy(() -> iot.updateThing(r -> r.thingName("lamp").expectedVersion(1L)))
                .isInstanceOf(VersionConflictException.class)
                .satisfies(e -> assertThat(((VersionConflictException) e).statusCode()).isEqualTo(409));
        iot.updateThing(r -> r.thingName("lamp").attributePayload(attributes(Map.of("only", "this"), false)));
        assertThat(iot.describeThing(r -> r.thingName("lamp")).attributes()).isEqualTo(Map.of("only", "this"));
        assertThatThrownBy(() -> iot.updateThing(r -> r.thingName("absent")))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void listThingsPagesInNameOrderAndFiltersOnAttributes() {
        for (int i = 0; i < 7; i++) {
            String name = "thing-" + i;
            Map<String, String> attributes = i % 2 == 0 ? Map.of("floor", "f" + (i % 3)) : Map.of();
            iot.createThing(r -> r.thingName(name).attributePayload(attributes(attributes, false)));
        }
        List<String> names = new ArrayList<>();
        iot.listThingsPaginator(r -> r.maxResults(3)).things().forEach(t -> names.add(t.thingName()));
        assertThat(names).containsExactly("thing-0", "thing-1", "thing-2", "thing-3", "thing-4", "thing-5",
                "thing-6");
        List<ThingAttribute> onFloor = new ArrayList<>();
        iot.listThingsPaginator(r -> r.maxResults(1).attributeName("floor").attributeValue("f0")).things()
                .forEach(onFloor::add);
        assertThat(onFloor).extracting(ThingAttribute::thingName).containsExactly("thing-0", "thing-6");
        assertThat(onFloor.get(0).thingArn()).isEqualTo("arn:aws:iot:us-east-1:123456789012:thing/thing-0");
        assertThat(onFloor.get(0).attributes()).isEqualTo(Map.of("floor", "f0"));
        assertThat(onFloor.get(0).version()).isEqualTo(1);
        assertThat(iot.listThings(r -> r.attributeName("floor").attributeValue("f").usePrefixAttributeValue(true))
                .things()).hasSize(4);
        assertThat(iot.listThings(r -> r.thingTypeName("LightBulb")).things()).isEmpty();
        assertThatThrownBy(() -> iot.listThings(r -> r.attributeName("floor").thingTypeName("LightBulb")))
                .isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> iot.listThings(r -> r.maxResults(251)))
                .isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> iot.listThings(r -> r.nextToken("forged")))
                .isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void deleteThingSucceedsForAnAbsentThingAndChecksVersionThenPrincipals() {
        iot.deleteThing(r -> r.thingName("never-created"));
        iot.createThing(r -> r.thingName("lamp"));
        String certificateArn = iot.createKeysAndCertificate(r -> r.setAsActive(false)).certificateArn();
        iot.attachThingPrincipal(r -> r.thingName("lamp").principal(certificateArn));

        assertThatThrownBy(() -> iot.deleteThing(r -> r.thingName("lamp").expectedVersion(7L)))
                .isInstanceOf(VersionConflictException.class);
        // AWS answers a thing with principals attached with InvalidRequestException "Cannot delete. Thing NAME is
        // still attached to one or more principals" (DeleteThing).
        assertThatThrownBy(() -> iot.deleteThing(r -> r.thingName("lamp").expectedVersion(1L)))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("Cannot delete. Thing lamp is still attached to one or more principals");

        iot.detachThingPrincipal(r -> r.thingName("lamp").principal(certificateArn));
        iot.detachThingPrincipal(r -> r.thingName("lamp").principal(certificateArn));
        iot.deleteThing(r -> r.thingName("lamp").expectedVersion(1L));
        assertThatThrownBy(() -> iot.describeThing(r -> r.thingName("lamp")))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void aCertificateAttachedToAThingCannotBeDeletedEvenWithForceDeleteNorTransferred() {
        iot.createThing(r -> r.thingName("lamp"));
        CreateKeysAndCertificateResponse keys = iot.createKeysAndCertificate(r -> r.setAsActive(false));
        iot.attachThingPrincipal(r -> r.thingName("lamp").principal(keys.certificateArn()));

        // DeleteCertificate: forceDelete detaches policies only "if the certificate is not attached to an IoT thing".
        assertThatThrownBy(() -> iot.deleteCertificate(r -> r.certificateId(keys.certificateId()).forceDelete(true)))
                .isInstanceOf(DeleteConflictException.class)
                .satisfies(e -> assertThat(((DeleteConflictException) e).statusCode()).isEqualTo(409));
        assertThatThrownBy(() -> iot.transferCertificate(r -> r.certificateId(keys.certificateId())
                .targetAwsAccount("210987654321"))).isInstanceOf(TransferConflictException.class);

        iot.detachThingPrincipal(r -> r.thingName("lamp").principal(keys.certificateArn()));
        iot.deleteCertificate(r -> r.certificateId(keys.certificateId()));
        assertThat(iot.listThingPrincipals(r -> r.thingName("lamp")).principals()).isEmpty();
    }

    @Test
    void principalsMustBeCertificatesOfTheCallerThatExist() {
        iot.createThing(r -> r.thingName("lamp"));
        String absent = "arn:aws:iot:us-east-1:123456789012:cert/" + "ab".repeat(32);
        assertThatThrownBy(() -> iot.attachThingPrincipal(r -> r.thingName("lamp").principal(absent)))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> iot.attachThingPrincipal(r -> r.thingName("lamp").principal("us-east-1:cognito")))
                .isInstanceOf(InvalidRequestException.class);
        String certificateArn = iot.registerCertificateWithoutCA(r -> r.certificatePem(
                TestPki.selfSignedLeaf("device").pem()).status(CertificateStatus.ACTIVE)).certificateArn();
        assertThatThrownBy(() -> iot.attachThingPrincipal(r -> r.thingName("absent").principal(certificateArn)))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> iot.listPrincipalThings(r -> r.principal(absent)))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> iot.listThingPrincipals(r -> r.thingName("absent")))
                .isInstanceOf(ResourceNotFoundException.class);
        IotClient other = client("210987654321", "us-east-1");
        assertThatThrownBy(() -> other.listPrincipalThings(r -> r.principal(certificateArn)))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void anExclusiveAttachmentKeepsTheCertificateToOneThing() {
        iot.createThing(r -> r.thingName("a"));
        iot.createThing(r -> r.thingName("b"));
        String certificateArn = iot.createKeysAndCertificate(r -> r.setAsActive(true)).certificateArn();
        iot.attachThingPrincipal(r -> r.thingName("a").principal(certificateArn)
                .thingPrincipalType(ThingPrincipalType.EXCLUSIVE_THING));
        assertThatThrownBy(() -> iot.attachThingPrincipal(r -> r.thingName("b").principal(certificateArn)))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("exclusively attached to thing a");
        assertThat(iot.listThingPrincipalsV2(r -> r.thingName("a")
                .thingPrincipalType(ThingPrincipalType.EXCLUSIVE_THING)).thingPrincipalObjects()).hasSize(1);
        assertThat(iot.listThingPrincipalsV2(r -> r.thingName("a")
                .thingPrincipalType(ThingPrincipalType.NON_EXCLUSIVE_THING)).thingPrincipalObjects()).isEmpty();
    }
}
