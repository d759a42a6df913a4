package dev.certreg.cli.iot;

import dev.certreg.client.ListOperation;
import dev.certreg.client.ListOperations;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import software.amazon.awssdk.services.iot.IotClient;
import software.amazon.awssdk.services.iot.model.ListPrincipalThingsV2Request;

/** {@code certreg iot list-principal-things-v2}: ListPrincipalThingsV2, paged. */
@Command(name = "list-principal-things-v2", mixinStandardHelpOptions = true,
        description = "List the things a certificate is attached to, with the attachment type.")
final class ListPrincipalThingsV2Command extends ListCommand<ListPrincipalThingsV2Request> {
    @Option(names = "--principal", required = true, paramLabel = "ARN", description = "The certificate's ARN.")
    String principal;

    @Option(names = "--thing-principal-type", paramLabel = "TYPE",
            description = "Only EXCLUSIVE_THING or only NON_EXCLUSIVE_THING attachments.")
    String thingPrincipalType;

    @Override
    String operationName() {
        return "ListPrincipalThingsV2";
    }

    @Override
    ListPrincipalThingsV2Request request() {
        return ListPrincipalThingsV2Request.builder().principal(principal)
                .thingPrincipalType(thingPrincipalType).build();
    }

    @Override
    ListOperation<ListPrincipalThingsV2Request, ?, ?> operation(IotClient iot) {
        return ListOperations.listPrincipalThingsV2(iot::listPrincipalThingsV2);
    }
}
