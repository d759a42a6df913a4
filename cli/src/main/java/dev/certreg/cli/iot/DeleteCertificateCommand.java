package dev.certreg.cli.iot;

import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import software.amazon.awssdk.services.iot.IotClient;

/** {@code certreg iot delete-certificate}: DeleteCertificate. Prints nothing on success. */
@Command(name = "delete-certificate", mixinStandardHelpOptions = true,
        description = "Delete a certificate that is not ACTIVE and, unless forced, has no policies.")
final class DeleteCertificateCommand extends OperationCommand {
    @Option(names = "--certificate-id", required = true, paramLabel = "ID", description = "The certificate's id.")
    String certificateId;

    @Option(names = "--force-delete", negatable = true, description = "Detach its policies first.")
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
