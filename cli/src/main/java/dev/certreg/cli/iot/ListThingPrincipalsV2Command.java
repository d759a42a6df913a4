package dev.certreg.cli.iot;

import dev.certreg.client.ListOperation;
import dev.certreg.client.ListOperations;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import software.amazon.awssdk.services.iot.IotClient;
import software.amazon.awssdk.services.iot.model.ListThingPrincipalsV2Request;

/** {@code certreg iot list-thing-principals-v2}: ListThingPrincipalsV2, paged. */
@Command(name = "list-thing-principals-v2", mixinStandardHelpOptions = true,
        description = "List the certificates attached to a thing, with the attachment type.")
final class ListThingPrincipalsV2Command extends ListCommand<ListThingPrincipalsV2Request> {
    @Option(names = "--thing-name", required = true, paramLabel = "NAME", description = "The thing's name.")
    String thingName;

    @Option(names = "--thing-principal-type", paramLabel = "TYPE",
            description = "Only EXCLUSIVE_THING or only NON_EXCLUSIVE_THING attachments.")
    String thingPrincipalType;

    @Override
    String operationName() {
        return "ListThingPrincipalsV2";
    }

    @Override
    ListThingPrincipalsV2Request request() {
        return ListThingPrincipalsV2Request.builder().thingName(thingName)
                .thingPrincipalType(thingPrincipalType).build();
    }

    @Override
    ListOperation<ListThingPrincipalsV2Request, ?, ?> operation(IotClient iot) {
        return ListOperations.listThingPrincipalsV2(iot::listThingPrincipalsV2);
    }
}
