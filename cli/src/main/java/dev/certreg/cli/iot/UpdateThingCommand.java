package dev.certreg.cli.iot;

import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import software.amazon.awssdk.services.iot.IotClient;
import software.amazon.awssdk.services.iot.model.UpdateThingRequest;

/** {@code certreg iot update-thing}: UpdateThing. Prints nothing on success. */
@Command(name = "update-thing", mixinStandardHelpOptions = true,
        description = "Change a thing's attributes (replaced, or merged with merge=true) or type.")
final class UpdateThingCommand extends OperationCommand {
    @Option(names = "--thing-name", required = true, paramLabel = "NAME", description = "The thing's name.")
    String thingName;

    @Option(names = "--thing-type-name", paramLabel = "NAME", description = "The new thing type.")
    String thingTypeName;

    @Option(names = "--attribute-payload", paramLabel = "PAYLOAD",
            description = "attributes={name=value,...},merge=true|false or JSON; an empty value removes one.")
    String attributePayload;

    @Option(names = "--expected-version", paramLabel = "N", description = "Fail unless the thing is at version N.")
    Long expectedVersion;

    @Option(names = "--remove-thing-type", negatable = true, description = "Remove the thing's type.")
    Boolean removeThingType;

    @Override
    String operationName() {
        return "UpdateThing";
    }

    @Override
    Function<IotClient, Object> prepare() {
        UpdateThingRequest.Builder request = UpdateThingRequest.builder().thingName(thingName)
                .thingTypeName(thingTypeName).expectedVersion(expectedVersion).removeThingType(removeThingType);
        if (attributePayload != null) {
            request.attributePayload(AttributePayloads.parse("--attribute-payload", attributePayload));
        }
        UpdateThingRequest built = request.build();
        return iot -> iot.updateThing(built);
    }
}
