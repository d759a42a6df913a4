package dev.certreg.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iot.IotClient;
import software.amazon.awssdk.services.iot.model.InvalidRequestException;

class EndpointTest extends RunningServer {

    @Test
    void withoutATypeTheAddressIsTheLegacyDataEndpoint() {
        assertThat(address(iot, null)).matches("[a-z0-9]{14}\\.iot\\.us-east-1\\.amazonaws\\.com");
        assertThat(address(iot, null)).isEqualTo(address(iot, "iot:Data"));
    }

    @Test
    void theAtsEndpointSharesTheDataId() {
        String id = id(address(iot, "iot:Data"));
        assertThat(address(iot, "iot:Data-ATS")).isEqualTo(id + "-ats.iot.us-east-1.amazonaws.com");
    }

    @Test
    void credentialProviderAndJobsEachHaveTheirOwnStableId() {
        String data = id(address(iot, "iot:Data"));
        String credentials = address(iot, "iot:CredentialProvider");
        String jobs = address(iot, "iot:Jobs");

        assertThat(credentials).matches("[a-z0-9]{14}\\.credentials\\.iot\\.us-east-1\\.amazonaws\\.com");
        assertThat(jobs).matches("[a-z0-9]{14}\\.jobs\\.iot\\.us-east-1\\.amazonaws\\.com");
        assertThat(id(credentials)).isNotIn(data, id(jobs));
        assertThat(address(iot, "iot:CredentialProvider")).isEqualTo(credentials);
        assertThat(address(iot, "iot:Jobs")).isEqualTo(jobs);
        assertThat(address(iot, "iot:DeviceAdvisor")).matches("[a-z0-9]{14}\\.deviceadvisor\\.iot\\.us-east-1"
                + "\\.amazonaws\\.com");
    }

    @Test
    void theAddressIsStableAcrossCallsAndClientsOfOneAccountAndRegion() {
        String first = address(iot, "iot:Data-ATS");
        assertThat(address(client("AKIDANOTHER", "us-east-1"), "iot:Data-ATS")).isEqualTo(first);
        assertThat(address(iot, "iot:Data-ATS")).isEqualTo(first);
    }

    @Test
    void otherAccountsAndRegionsGetOtherAddresses() {
        String here = id(address(iot, "iot:Data"));
        String otherAccount = id(address(client("210987654321", "us-east-1"), "iot:Data"));
        String otherRegion = address(client("AKIDEXAMPLE", "eu-west-1"), "iot:Data");

        assertThat(otherAccount).isNotEqualTo(here);
        assertThat(otherRegion).endsWith(".iot.eu-west-1.amazonaws.com");
        assertThat(id(otherRegion)).isNotIn(here, otherAccount);
    }

    @Test
    void anUnknownTypeIsAnInvalidRequest() {
        assertThatThrownBy(() -> address(iot, "iot:Nope"))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("Endpoint type iot:Nope not recognized.");
        assertThatThrownBy(() -> address(iot, "iot:data-ats")).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> address(iot, "x".repeat(129))).isInstanceOf(InvalidRequestException.class);
    }

    private static String address(IotClient client, String type) {
        return client.describeEndpoint(r -> r.endpointType(type)).endpointAddress();
    }

    private static String id(String address) {
        return address.substring(0, 14);
    }
}
