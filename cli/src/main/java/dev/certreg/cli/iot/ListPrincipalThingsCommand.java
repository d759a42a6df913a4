package dev.certreg.cli.iot;

import dev.certreg.client.ListOperation;
import dev.certreg.client.ListOperations;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import software.amazon.awssdk.services.iot.IotClient;
import software.amazon.awssdk.services.iot.model.ListPrincipalThingsRequest;

/** {@code certreg iot list-principal-things}: ListPrincipalThings, paged. */
@Command(name = "list-principal-things", mixinStandardHelpOptions = true,
        description = "List the names of the things a certificate is attached to.")
final class ListPrincipalThingsCommand extends ListCommand<ListPrincipalThingsRequest> {
    @Option(names = "--principal", required = true, paramLabel = "ARN", description = "The certificate's ARN.")
    String principal;

    @Override
    String operationName() {
        return "ListPrincipalThings";
    }

    @Override
    ListPrincipalThingsRequest request() {
        return ListPrincipalThingsRequest.builder().principal(principal).build();
    }

    @Override
    ListOperation<ListPrincipalThingsRequest, ?, ?> operation(IotClient iot) {
        return ListOperations.listPrincipalThings(iot::listPrincipalThings);
    }
}
