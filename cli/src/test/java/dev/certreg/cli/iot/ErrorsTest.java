package dev.certreg.cli.iot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.certreg.core.testing.TestPki.Issued;
import java.io.IOException;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

/** Failures exit and print as the AWS CLI's do; configuration comes from the standard AWS chain. */
class ErrorsTest extends RunningRegistry {
    private static final String NO_SUCH_ID = "0".repeat(64);

    @Test
    void aServiceErrorPrintsTheAwsCliLineOnStderrAndExits255() {
        CliRun run = iot("describe-certificate", "--certificate-id", NO_SUCH_ID);

        assertThat(run.exitCode()).isEqualTo(255);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("\nAn error occurred (ResourceNotFoundException) when calling the "
                + "DescribeCertificate operation: Certificate " + NO_SUCH_ID + " does not exist\n");
    }

    @Test
    void aValueTheServerRejectsIsAServiceError() {
        CliRun run = iot("list-certificates-by-ca", "--ca-certificate-id", "abc");

        assertThat(run.exitCode()).isEqualTo(255);
        assertThat(run.err()).startsWith("\nAn error occurred (InvalidRequestException) when calling the "
                + "ListCertificatesByCA operation: ");
    }

    @Test
    void aMissingRequiredOptionIsAUsageError() {
        CliRun run = iot("describe-certificate");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("Missing required option: '--certificate-id=ID'");
    }

    @Test
    void anEndpointUrlWithoutSchemeIsAUsageError() {
        CliRun run = CliRun.of("iot", "get-registration-code", "--endpoint-url", "127.0.0.1:4566");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Bad value for --endpoint-url \"127.0.0.1:4566\"");
    }

    @Test
    void textOutputIsRefusedAsAUsageError() {
        assertThat(iot("get-registration-code", "--output", "text").exitCode()).isEqualTo(2);
    }

    @Test
    void iotWithoutAnOperationListsTheOperations() {
        CliRun run = CliRun.of("iot");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("list-certificates-by-ca", "register-ca-certificate");
    }

    @Test
    void anUnreadableParamFileExits252BeforeAnyRequest() {
        CliRun run = iot("register-certificate-without-ca", "--certificate-pem", "file:///no/such/device.pem");

        assertThat(run.exitCode()).isEqualTo(252);
        assertThat(run.err()).isEqualTo("\nError parsing parameter '--certificate-pem': Unable to load paramfile "
                + "file:///no/such/device.pem: No such file or directory: /no/such/device.pem\n");
    }

    @Test
    void aMalformedRegistrationConfigExits252() {
        String id = registerCa(newCa("misconfigured"));

        CliRun badJson = iot("update-ca-certificate", "--certificate-id", id, "--registration-config", "{\"x\": ");
        CliRun unknownKey = iot("update-ca-certificate", "--certificate-id", id, "--registration-config", "colour=1");

        assertThat(badJson.exitCode()).isEqualTo(252);
        assertThat(badJson.err()).startsWith("\nError parsing parameter '--registration-config': Invalid JSON");
        assertThat(unknownKey.exitCode()).isEqualTo(252);
        assertThat(unknownKey.err()).isEqualTo("\nError parsing parameter '--registration-config': Unknown key "
                + "'colour', valid choices are: templateBody, roleArn, templateName\n");
    }

    @Test
    void pagingValuesOutOfRangeExit252NamingTheOption() {
        CliRun pageSize = iot("list-certificates", "--page-size", "251");
        CliRun maxItems = iot("list-certificates", "--max-items", "0");
        CliRun token = iot("list-certificates", "--starting-token", "not-a-token");

        assertThat(pageSize.exitCode()).isEqualTo(252);
        assertThat(pageSize.err()).startsWith("\nError parsing parameter '--page-size': ");
        assertThat(maxItems.exitCode()).isEqualTo(252);
        assertThat(maxItems.err()).startsWith("\nError parsing parameter '--max-items': ");
        assertThat(token.exitCode()).isEqualTo(252);
        assertThat(token.err()).startsWith("\nError parsing parameter '--starting-token': Invalid StartingToken");
    }

    @Test
    void noPaginateRefusesMaxItemsAndStartingTokenAsTheAwsCliDoes() {
        CliRun run = iot("list-certificates", "--no-paginate", "--max-items", "3", "--starting-token", "abc");

        assertThat(run.exitCode()).isEqualTo(252);
        assertThat(run.err()).isEqualTo("\nCannot specify --no-paginate along with pagination arguments: "
                + "--max-items, --starting-token\n");
    }

    @Test
    void anUnreachableEndpointExits255() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        CliRun run = CliRun.of("iot", "get-registration-code", "--endpoint-url", "http://127.0.0.1:" + closedPort);

        assertThat(run.exitCode()).isEqualTo(255);
        assertThat(run.err()).isEqualTo(
                "\nCould not connect to the endpoint URL: \"http://127.0.0.1:" + closedPort + "\"\n");
    }

    @Test
    void aConnectionClosedWithoutAnAnswerExits255() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            Thread hangUp = new Thread(() -> acceptAndClose(socket), "hang-up");
            hangUp.start();
            String endpoint = "http://127.0.0.1:" + socket.getLocalPort();

            CliRun run = CliRun.of("iot", "get-registration-code", "--endpoint-url", endpoint);

            assertThat(run.exitCode()).isEqualTo(255);
            assertThat(run.err()).isEqualTo("\nConnection was closed before we received a valid response from "
                    + "endpoint URL: \"" + endpoint + "\".\n");
        }
    }

    private static void acceptAndClose(ServerSocket socket) {
        try {
            while (true) {
                socket.accept().close();
            }
        } catch (IOException closed) {
            // the test closed the socket: done
        }
    }

    @Test
    void anUnknownProfileIsReportedAsTheAwsCliReportsIt() {
        CliRun run = iot("get-registration-code", "--profile", "nope");

        assertThat(run.exitCode()).isEqualTo(255);
        assertThat(run.err()).isEqualTo("\nThe config profile (nope) could not be found\n");
    }

    @Test
    void aProfileWithoutCredentialsCannotLocateCredentials() {
        CliRun run = iot("get-registration-code", "--profile", "region-only");

        assertThat(run.exitCode()).isEqualTo(255);
        assertThat(run.err()).startsWith("\nUnable to locate credentials");
    }

    @Test
    void aProfilesCredentialsAndTheRegionFlagSignTheRequest() {
        Issued device = newCa("other account's issuer").issue("d1");

        CliRun run = iot("register-certificate-without-ca", "--certificate-pem", device.pem(),
                "--profile", "other-account", "--region", "eu-west-1");

        assertThat(run.json().get("certificateArn").asText()).startsWith("arn:aws:iot:eu-west-1:210987654321:cert/");
    }
}
