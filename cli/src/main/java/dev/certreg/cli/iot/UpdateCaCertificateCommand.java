package dev.certreg.cli.iot;

import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import software.amazon.awssdk.services.iot.IotClient;
import software.amazon.awssdk.services.iot.model.UpdateCaCertificateRequest;

/** {@code certreg iot update-ca-certificate}: UpdateCACertificate. Prints nothing on success. */
@Command(name = "update-ca-certificate", mixinStandardHelpOptions = true,
        description = "Change a CA certificate's status, auto-registration or registration config.")
final class UpdateCaCertificateCommand extends OperationCommand {
    @Option(names = "--certificate-id", required = true, paramLabel = "ID", description = "The CA certificate's id.")
    String certificateId;

    @Option(names = "--new-status", paramLabel = "STATUS", description = "ACTIVE or INACTIVE.")
    String newStatus;

    @Option(names = "--new-auto-registration-status", paramLabel = "STATUS", description = "ENABLE or DISABLE.")
    String newAutoRegistrationStatus;

    @Option(names = "--registration-config", paramLabel = "CONFIG",
            description = "templateBody=..,roleArn=..,templateName=.. or JSON.")
    String registrationConfig;

    @Option(names = "--remove-auto-registration", negatable = true,
            description = "Remove the registration config.")
    Boolean removeAutoRegistration;

    @Override
    String operationName() {
        return "UpdateCACertificate";
    }

    @Override
    Function<IotClient, Object> prepare() {
        UpdateCaCertificateRequest.Builder request = UpdateCaCertificateRequest.builder()
                .certificateId(certificateId)
                .newStatus(newStatus)
                .newAutoRegistrationStatus(newAutoRegistrationStatus)
                .removeAutoRegistration(removeAutoRegistration);
        if (registrationConfig != null) {
            request.registrationConfig(RegistrationConfigs.parse("--registration-config", registrationConfig));
        }
        UpdateCaCertificateRequest built = request.build();
        return iot -> iot.updateCACertificate(built);
    }
}
