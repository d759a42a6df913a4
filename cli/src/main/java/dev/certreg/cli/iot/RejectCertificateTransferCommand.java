package dev.certreg.cli.iot;

import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import software.amazon.awssdk.services.iot.IotClient;

/** {@code certreg iot reject-certificate-transfer}: RejectCertificateTransfer. Prints nothing on success. */
@Command(name = "reject-certificate-transfer", mixinStandardHelpOptions = true,
        description = "Refuse a certificate offered to this account; it returns to its owner as INACTIVE.")
final class RejectCertificateTransferCommand extends OperationCommand {
    @Option(names = "--certificate-id", required = true, paramLabel = "ID", description = "The certificate's id.")
    String certificateId;

    @Option(names = "--reject-reason", paramLabel = "TEXT", description = "Why the transfer is refused.")
    String rejectReason;

    @Override
    String operationName() {
        return "RejectCertificateTransfer";
    }

    @Override
    Function<IotClient, Object> prepare() {
        return iot -> iot.rejectCertificateTransfer(
                request -> request.certificateId(certificateId).rejectReason(rejectReason));
    }
}
