package dev.certreg.cli.iot;

import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import software.amazon.awssdk.services.iot.IotClient;
import software.amazon.awssdk.services.iot.model.CreateCertificateFromCsrRequest;

/** {@code certreg iot create-certificate-from-csr}: CreateCertificateFromCsr. */
@Command(name = "create-certificate-from-csr", mixinStandardHelpOptions = true,
        description = "Issue a certificate, signed by the registry's CA, for the key of a PKCS#10 request.")
final class CreateCertificateFromCsrCommand extends OperationCommand {
    @Option(names = "--certificate-signing-request", required = true, paramLabel = "CSR",
            description = "The certificate signing request PEM, or file://path.")
    String certificateSigningRequest;

    @Option(names = "--set-as-active", negatable = true, description = "Create the certificate ACTIVE.")
    Boolean setAsActive;

    @Override
    String operationName() {
        return "CreateCertificateFromCsr";
    }

    @Override
    Function<IotClient, Object> prepare() {
        CreateCertificateFromCsrRequest request = CreateCertificateFromCsrRequest.builder()
                .certificateSigningRequest(
                        ParamFile.resolve("--certificate-signing-request", certificateSigningRequest))
                .setAsActive(setAsActive)
                .build();
        return iot -> iot.createCertificateFromCsr(request);
    }
}
