package dev.certreg.cli.iot;

import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import software.amazon.awssdk.services.iot.IotClient;

/** {@code certreg iot update-certificate}: UpdateCertificate. Prints nothing on success. */
@Command(name = "update-certificate", mixinStandardHelpOptions = true,
        description = "Change a device certificate's status.")
final class UpdateCertificateCommand extends OperationCommand {
    @Option(names = "--certificate-id", required = true, paramLabel = "ID", description = "The certificate's id.")
    String certificateId;

    @Option(names = "--new-status", required = true, paramLabel = "STATUS",
            description = "ACTIVE, INACTIVE or REVOKED.")
    String newStatus;

    @Override
    String operationName() {
        return "UpdateCertificate";
    }

    @Override
    Function<IotClient, Object> prepare() {
        return iot -> iot.updateCertificate(request -> request.certificateId(certificateId).newStatus(newStatus));
    }
}
