package dev.certreg.cli.iot;

import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import software.amazon.awssdk.services.iot.IotClient;

/** {@code certreg iot delete-thing}: DeleteThing. Prints nothing on success. */
@Command(name = "delete-thing", mixinStandardHelpOptions = true,
        description = "Delete a thing that has no principals attached.")
final class DeleteThingCommand extends OperationCommand {
    @Option(names = "--thing-name", required = true, paramLabel = "NAME", description = "The thing's name.")
    String thingName;

    @Option(names = "--expected-version", paramLabel = "N", description = "Fail unless the thing is at version N.")
    Long expectedVersion;

    @Override
    String operationName() {
        return "DeleteThing";
    }

    @Override
    Function<IotClient, Object> prepare() {
        return iot -> iot.deleteThing(request -> request.thingName(thingName).expectedVersion(expectedVersion));
    }
}
