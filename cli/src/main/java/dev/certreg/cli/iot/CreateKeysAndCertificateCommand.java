package dev.certreg.cli.iot;

import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import software.amazon.awssdk.services.iot.IotClient;

/** {@code certreg iot create-keys-and-certificate}: CreateKeysAndCertificate. */
@Command(name = "create-keys-and-certificate", mixinStandardHelpOptions = true,
        description = "Create an RSA-2048 key pair and a certificate for it, issued by the registry's CA. The private"
                + " key is printed once and not kept.")
final class CreateKeysAndCertificateCommand extends OperationCommand {
    @Option(names = "--set-as-active", negatable = true, description = "Create the certificate ACTIVE.")
    Boolean setAsActive;

    @Override
    String operationName() {
        return "CreateKeysAndCertificate";
    }

    @Override
    Function<IotClient, Object> prepare() {
        Boolean active = setAsActive;
        return iot -> iot.createKeysAndCertificate(request -> request.setAsActive(active));
    }
}
