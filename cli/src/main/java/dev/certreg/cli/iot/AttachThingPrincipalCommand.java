package dev.certreg.cli.iot;

import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import software.amazon.awssdk.services.iot.IotClient;

/** {@code certreg iot attach-thing-principal}: AttachThingPrincipal. Prints nothing on success. */
@Command(name = "attach-thing-principal", mixinStandardHelpOptions = true,
        description = "Attach a certificate to a thing.")
final class AttachThingPrincipalCommand extends OperationCommand {
    @Option(names = "--thing-name", required = true, paramLabel = "NAME", description = "The thing's name.")
    String thingName;

    @Option(names = "--principal", required = true, paramLabel = "ARN", description = "The certificate's ARN.")
    String principal;

    @Option(names = "--thing-principal-type", paramLabel = "TYPE",
            description = "EXCLUSIVE_THING or NON_EXCLUSIVE_THING (the default).")
    String thingPrincipalType;

    @Override
    String operationName() {
        return "AttachThingPrincipal";
    }

    @Override
    Function<IotClient, Object> prepare() {
        return iot -> iot.attachThingPrincipal(request -> request.thingName(thingName).principal(principal)
                .thingPrincipalType(thingPrincipalType));
    }
}
