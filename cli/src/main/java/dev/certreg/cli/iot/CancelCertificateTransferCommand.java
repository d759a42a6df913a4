package dev.certreg.cli.iot;

import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import software.amazon.awssdk.services.iot.IotClient;

/** {@code certreg iot cancel-certificate-transfer}: CancelCertificateTransfer. Prints nothing on success. */
@Command(name = "cancel-certificate-transfer", mixinStandardHelpOptions = true,
        description = "Withdraw a pending transfer; the certificate becomes INACTIVE.")
final class CancelCertificateTransferCommand extends OperationCommand {
    @Option(names = "--certificate-id", required = true, paramLabel = "ID", description = "The certificate's id.")
    String certificateId;

    @Override
    String operationName() {
        return "CancelCertificateTransfer";
    }

    @Override
    Function<IotClient, Object> prepare() {
        return iot -> iot.cancelCertificateTransfer(request -> request.certificateId(certificateId));
    }
}
