package dev.certreg.cli.iot;

import dev.certreg.client.ListOperation;
import dev.certreg.client.ListOperations;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import software.amazon.awssdk.services.iot.IotClient;
import software.amazon.awssdk.services.iot.model.ListPrincipalPoliciesRequest;

/** {@code certreg iot list-principal-policies}: ListPrincipalPolicies, paged. */
@Command(name = "list-principal-policies", mixinStandardHelpOptions = true,
        description = "Deprecated; list the policies attached to a certificate.")
final class ListPrincipalPoliciesCommand extends ListCommand<ListPrincipalPoliciesRequest> {
    @Option(names = "--principal", required = true, paramLabel = "ARN", description = "The certificate ARN.")
    String principal;

    @Option(names = "--ascending-order", negatable = true, description = "Oldest attachment first.")
    Boolean ascendingOrder;

    @Override
    String operationName() {
        return "ListPrincipalPolicies";
    }

    @Override
    ListPrincipalPoliciesRequest request() {
        return ListPrincipalPoliciesRequest.builder().principal(principal).ascendingOrder(ascendingOrder).build();
    }

    @Override
    @SuppressWarnings("deprecation")
    ListOperation<ListPrincipalPoliciesRequest, ?, ?> operation(IotClient iot) {
        return ListOperations.listPrincipalPolicies(iot::listPrincipalPolicies);
    }
}
