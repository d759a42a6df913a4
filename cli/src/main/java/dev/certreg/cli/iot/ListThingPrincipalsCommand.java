package dev.certreg.cli.iot;

import dev.certreg.client.ListOperation;
import dev.certreg.client.ListOperations;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import software.amazon.awssdk.services.iot.IotClient;
import software.amazon.awssdk.services.iot.model.ListThingPrincipalsRequest;

/** {@code certreg iot list-thing-principals}: ListThingPrincipals, paged. */
@Command(name = "list-thing-principals", mixinStandardHelpOptions = true,
        description = "List the ARNs of the certificates attached to a thing.")
final class ListThingPrincipalsCommand extends ListCommand<ListThingPrincipalsRequest> {
    @Option(names = "--thing-name", required = true, paramLabel = "NAME", description = "The thing's name.")
    String thingName;

    @Override
    String operationName() {
        return "ListThingPrincipals";
    }

    @Override
    ListThingPrincipalsRequest request() {
        return ListThingPrincipalsRequest.builder().thingName(thingName).build();
    }

    @Override
    ListOperation<ListThingPrincipalsRequest, ?, ?> operation(IotClient iot) {
        return ListOperations.listThingPrincipals(iot::listThingPrincipals);
    }
}
