package dev.certreg.cli.iot;

import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import software.amazon.awssdk.services.iot.IotClient;

/** {@code certreg iot detach-thing-principal}: DetachThingPrincipal. Prints nothing on success. */
@Command(name = "detach-thing-principal", mixinStandardHelpOptions = true,
        description = "Detach a certificate from a thing.")
final class DetachThingPrincipalCommand extends OperationCommand {
    @Option(names = "--thing-name", required = true, paramLabel = "NAME", description = "The thing's name.")
    String thingName;

    @Option(names = "--principal", required = true, paramLabel = "ARN", description = "The certificate's ARN.")
    String principal;

    @Override
    String operationName() {
        return "DetachThingPrincipal";
    }

    @Override
    Function<IotClient, Object> prepare() {
        return iot -> iot.detachThingPrincipal(request -> request.thingName(thingName).principal(principal));
    }
}
