package dev.certreg.cli.iot;

import dev.certreg.client.ListOperation;
import dev.certreg.client.ListOperations;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import software.amazon.awssdk.services.iot.IotClient;
import software.amazon.awssdk.services.iot.model.ListPoliciesRequest;

/** {@code certreg iot list-policies}: ListPolicies, paged. */
@Command(name = "list-policies", mixinStandardHelpOptions = true,
        description = "List the policies, newest first unless --ascending-order.")
final class ListPoliciesCommand extends ListCommand<ListPoliciesRequest> {
    @Option(names = "--ascending-order", negatable = true, description = "Oldest first.")
    Boolean ascendingOrder;

    @Override
    String operationName() {
        return "ListPolicies";
    }

    @Override
    ListPoliciesRequest request() {
        return ListPoliciesRequest.builder().ascendingOrder(ascendingOrder).build();
    }

    @Override
    ListOperation<ListPoliciesRequest, ?, ?> operation(IotClient iot) {
        return ListOperations.listPolicies(iot::listPolicies);
    }
}
