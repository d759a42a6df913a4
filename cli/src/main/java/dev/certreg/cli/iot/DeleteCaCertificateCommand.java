package dev.certreg.cli.iot;

import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import software.amazon.awssdk.services.iot.IotClient;

/** {@code certreg iot delete-ca-certificate}: DeleteCACertificate. Prints nothing on success. */
@Command(name = "delete-ca-certificate", mixinStandardHelpOptions = true,
        description = "Delete an INACTIVE CA certificate. Its device certificates stay registered.")
final class DeleteCaCertificateCommand extends OperationCommand {
    @Option(names = "--certificate-id", required = true, paramLabel = "ID", description = "The CA certificate's id.")
    String certificateId;

    @Override
    String operationName() {
        return "DeleteCACertificate";
    }

    @Override
    Function<IotClient, Object> prepare() {
        return iot -> iot.deleteCACertificate(request -> request.certificateId(certificateId));
    }
}
