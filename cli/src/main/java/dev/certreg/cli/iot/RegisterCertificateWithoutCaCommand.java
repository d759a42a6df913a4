package dev.certreg.cli.iot;

import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import software.amazon.awssdk.services.iot.IotClient;
import software.amazon.awssdk.services.iot.model.RegisterCertificateWithoutCaRequest;

/** {@code certreg iot register-certificate-without-ca}: RegisterCertificateWithoutCA. */
@Command(name = "register-certificate-without-ca", mixinStandardHelpOptions = true,
        description = "Register a device certificate without its CA (SNI_ONLY mode).")
final class RegisterCertificateWithoutCaCommand extends OperationCommand {
    @Option(names = "--certificate-pem", required = true, paramLabel = "PEM",
            description = "The device certificate PEM, or file://path.")
    String certificatePem;

    @Option(names = "--status", paramLabel = "STATUS", description = "ACTIVE, INACTIVE or REVOKED (default INACTIVE).")
    String status;

    @Override
    String operationName() {
        return "RegisterCertificateWithoutCA";
    }

    @Override
    Function<IotClient, Object> prepare() {
        RegisterCertificateWithoutCaRequest request = RegisterCertificateWithoutCaRequest.builder()
                .certificatePem(ParamFile.resolve("--certificate-pem", certificatePem))
                .status(status)
                .build();
        return iot -> iot.registerCertificateWithoutCA(request);
    }
}
