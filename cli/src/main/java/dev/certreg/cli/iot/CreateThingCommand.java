package dev.certreg.cli.iot;

import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import software.amazon.awssdk.services.iot.IotClient;
import software.amazon.awssdk.services.iot.model.CreateThingRequest;

/** {@code certreg iot create-thing}: CreateThing. */
@Command(name = "create-thing", mixinStandardHelpOptions = true,
        description = "Create a thing; the same name and configuration again answers the same thing.")
final class CreateThingCommand extends OperationCommand {
    @Option(names = "--thing-name", required = true, paramLabel = "NAME", description = "The thing's name.")
    String thingName;

    @Option(names = "--thing-type-name", paramLabel = "NAME", description = "The thing type.")
    String thingTypeName;

    @Option(names = "--attribute-payload", paramLabel = "PAYLOAD",
            description = "attributes={name=value,...},merge=true|false or JSON.")
    String attributePayload;

    @Option(names = "--billing-group-name", paramLabel = "NAME", description = "The billing group.")
    String billingGroupName;

    @Override
    String operationName() {
        return "CreateThing";
    }

    @Override
    Function<IotClient, Object> prepare() {
        CreateThingRequest.Builder request = CreateThingRequest.builder().thingName(thingName)
                .thingTypeName(thingTypeName).billingGroupName(billingGroupName);
        if (attributePayload != null) {
            request.attributePayload(AttributePayloads.parse("--attribute-payload", attributePayload));
        }
        CreateThingRequest built = request.build();
        return iot -> iot.createThing(built);
    }
}
