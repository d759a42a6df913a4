package dev.certreg.cli.iot;

import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import software.amazon.awssdk.services.iot.IotClient;
import software.amazon.awssdk.services.iot.model.RegisterCertificateRequest;

/** {@code certreg iot register-certificate}: RegisterCertificate. */
@Command(name = "register-certificate", mixinStandardHelpOptions = true,
        description = "Register a device certificate signed by a registered, ACTIVE CA.")
final class RegisterCertificateCommand extends OperationCommand {
    @Option(names = "--certificate-pem", required = true, paramLabel = "PEM",
            description = "The device certificate PEM, or file://path.")
    String certificatePem;

    @Option(names = "--ca-certificate-pem", paramLabel = "PEM",
            description = "The signing CA's PEM, or file://path (default: found by the issuer).")
    String caCertificatePem;

    @Option(names = "--set-as-active", negatable = true, description = "Deprecated; register it ACTIVE.")
    Boolean setAsActive;

    @Option(names = "--status", paramLabel = "STATUS", description = "ACTIVE, INACTIVE or REVOKED (default INACTIVE).")
    String status;

    @Override
    String operationName() {
        return "RegisterCertificate";
    }

    @Override
    Function<IotClient, Object> prepare() {
        RegisterCertificateRequest.Builder request = RegisterCertificateRequest.builder()
                .certificatePem(ParamFile.resolve("--certificate-pem", certificatePem))
                .caCertificatePem(ParamFile.resolve("--ca-certificate-pem", caCertificatePem))
                .status(status);
        RegisterCertificateRequest built = withSetAsActive(request).build();
        return iot -> iot.registerCertificate(built);
    }

    /** The model deprecates {@code setAsActive} in favour of {@code status}, but the AWS CLI still sends it. */
    @SuppressWarnings("deprecation")
    private RegisterCertificateRequest.Builder withSetAsActive(RegisterCertificateRequest.Builder request) {
        return request.setAsActive(setAsActive);
    }
}
