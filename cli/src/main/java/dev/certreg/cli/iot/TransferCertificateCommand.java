package dev.certreg.cli.iot;

import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import software.amazon.awssdk.services.iot.IotClient;

/** {@code certreg iot transfer-certificate}: TransferCertificate. */
@Command(name = "transfer-certificate", mixinStandardHelpOptions = true,
        description = "Offer an INACTIVE or REVOKED certificate to another account of the region.")
final class TransferCertificateCommand extends OperationCommand {
    @Option(names = "--certificate-id", required = true, paramLabel = "ID", description = "The certificate's id.")
    String certificateId;

    @Option(names = "--target-aws-account", required = true, paramLabel = "ACCOUNT",
            description = "The 12-digit account the certificate is offered to.")
    String targetAwsAccount;

    @Option(names = "--transfer-message", paramLabel = "TEXT", description = "A message for the target account.")
    String transferMessage;

    @Override
    String operationName() {
        return "TransferCertificate";
    }

    @Override
    Function<IotClient, Object> prepare() {
        return iot -> iot.transferCertificate(request -> request.certificateId(certificateId)
                .targetAwsAccount(targetAwsAccount).transferMessage(transferMessage));
    }
}
