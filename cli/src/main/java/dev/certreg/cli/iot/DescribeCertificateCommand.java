package dev.certreg.cli.iot;

import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import software.amazon.awssdk.services.iot.IotClient;

/** {@code certreg iot describe-certificate}: DescribeCertificate. */
@Command(name = "describe-certificate", mixinStandardHelpOptions = true, description = "Describe a device certificate.")
final class DescribeCertificateCommand extends OperationCommand {
    @Option(names = "--certificate-id", required = true, paramLabel = "ID", description = "The certificate's id.")
    String certificateId;

    @Override
    String operationName() {
        return "DescribeCertificate";
    }

    @Override
    Function<IotClient, Object> prepare() {
        return iot -> iot.describeCertificate(request -> request.certificateId(certificateId));
    }
}
