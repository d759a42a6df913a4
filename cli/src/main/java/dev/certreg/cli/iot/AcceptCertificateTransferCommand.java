package dev.certreg.cli.iot;

import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import software.amazon.awssdk.services.iot.IotClient;

/** {@code certreg iot accept-certificate-transfer}: AcceptCertificateTransfer. Prints nothing on success. */
@Command(name = "accept-certificate-transfer", mixinStandardHelpOptions = true,
        description = "Accept a certificate offered to this account.")
final class AcceptCertificateTransferCommand extends OperationCommand {
    @Option(names = "--certificate-id", required = true, paramLabel = "ID", description = "The certificate's id.")
    String certificateId;

    @Option(names = "--set-as-active", negatable = true, description = "Make the certificate ACTIVE.")
    Boolean setAsActive;

    @Override
    String operationName() {
        return "AcceptCertificateTransfer";
    }

    @Override
    Function<IotClient, Object> prepare() {
        return iot -> iot.acceptCertificateTransfer(
                request -> request.certificateId(certificateId).setAsActive(setAsActive));
    }
}
