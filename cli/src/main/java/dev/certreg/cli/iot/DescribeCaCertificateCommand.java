package dev.certreg.cli.iot;

import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import software.amazon.awssdk.services.iot.IotClient;

/** {@code certreg iot describe-ca-certificate}: DescribeCACertificate. */
@Command(name = "describe-ca-certificate", mixinStandardHelpOptions = true,
        description = "Describe a CA certificate, and its registration config if it has one.")
final class DescribeCaCertificateCommand extends OperationCommand {
    @Option(names = "--certificate-id", required = true, paramLabel = "ID", description = "The CA certificate's id.")
    String certificateId;

    @Override
    String operationName() {
        return "DescribeCACertificate";
    }

    @Override
    Function<IotClient, Object> prepare() {
        return iot -> iot.describeCACertificate(request -> request.certificateId(certificateId));
    }
}
