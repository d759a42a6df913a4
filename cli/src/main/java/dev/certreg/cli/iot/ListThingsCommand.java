package dev.certreg.cli.iot;

import dev.certreg.client.ListOperation;
import dev.certreg.client.ListOperations;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import software.amazon.awssdk.services.iot.IotClient;
import software.amazon.awssdk.services.iot.model.ListThingsRequest;

/** {@code certreg iot list-things}: ListThings, paged. */
@Command(name = "list-things", mixinStandardHelpOptions = true,
        description = "List the account's things in name order, optionally those with an attribute.")
final class ListThingsCommand extends ListCommand<ListThingsRequest> {
    @Option(names = "--attribute-name", paramLabel = "NAME", description = "Only things with this attribute.")
    String attributeName;

    @Option(names = "--attribute-value", paramLabel = "VALUE", description = "... with this value.")
    String attributeValue;

    @Option(names = "--thing-type-name", paramLabel = "NAME", description = "Only things of this type.")
    String thingTypeName;

    @Option(names = "--use-prefix-attribute-value", negatable = true,
            description = "Match --attribute-value as a prefix.")
    Boolean usePrefixAttributeValue;

    @Override
    String operationName() {
        return "ListThings";
    }

    @Override
    ListThingsRequest request() {
        return ListThingsRequest.builder().attributeName(attributeName).attributeValue(attributeValue)
                .thingTypeName(thingTypeName).usePrefixAttributeValue(usePrefixAttributeValue).build();
    }

    @Override
    ListOperation<ListThingsRequest, ?, ?> operation(IotClient iot) {
        return ListOperations.listThings(iot::listThings);
    }
}
