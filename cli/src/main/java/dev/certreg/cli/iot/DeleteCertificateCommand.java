package dev.certreg.cli.iot;

import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import software.amazon.awssdk.services.iot.IotClient;

/** {@code certreg iot delete-certificate}: DeleteCertificate. Prints nothing on success. */
@Command(name = "delete-certificate", mixinStandardHelpOptions = true,
        description = "Delete a device certificate that is not ACTIVE.")
final class DeleteCertificateCommand extends OperationCommand {
    @Option(names = "--certificate-id", required = true, paramLabel = "ID", description = "The certificate's id.")
    String certificateId;

    @Option(names = "--force-delete", negatable = true, description = "Also detach policies (certreg has none).")
    Boolean forceDelete;

    @Override
    String operationName() {
        return "DeleteCertificate";
    }

    @Override
    Function<IotClient, Object> prepare() {
        return iot -> iot.deleteCertificate(request -> request.certificateId(certificateId).forceDelete(forceDelete));
    }
}
