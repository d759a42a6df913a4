package dev.certreg.cli.iot;

import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import software.amazon.awssdk.services.iot.IotClient;

/** {@code certreg iot describe-thing}: DescribeThing. */
@Command(name = "describe-thing", mixinStandardHelpOptions = true,
        description = "Describe a thing: its id, ARN, attributes and version.")
final class DescribeThingCommand extends OperationCommand {
    @Option(names = "--thing-name", required = true, paramLabel = "NAME", description = "The thing's name.")
    String thingName;

    @Override
    String operationName() {
        return "DescribeThing";
    }

    @Override
    Function<IotClient, Object> prepare() {
        return iot -> iot.describeThing(request -> request.thingName(thingName));
    }
}
