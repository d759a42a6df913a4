package dev.certreg.cli.iot;

import dev.certreg.client.ListOperation;
import dev.certreg.client.ListOperations;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import software.amazon.awssdk.services.iot.IotClient;
import software.amazon.awssdk.services.iot.model.ListPolicyPrincipalsRequest;

/** {@code certreg iot list-policy-principals}: ListPolicyPrincipals, paged. */
@Command(name = "list-policy-principals", mixinStandardHelpOptions = true,
        description = "Deprecated; list the certificates a policy is attached to.")
final class ListPolicyPrincipalsCommand extends ListCommand<ListPolicyPrincipalsRequest> {
    @Option(names = "--policy-name", required = true, paramLabel = "NAME", description = "The policy's name.")
    String policyName;

    @Option(names = "--ascending-order", negatable = true, description = "Oldest attachment first.")
    Boolean ascendingOrder;

    @Override
    String operationName() {
        return "ListPolicyPrincipals";
    }

    @Override
    ListPolicyPrincipalsRequest request() {
        return ListPolicyPrincipalsRequest.builder().policyName(policyName).ascendingOrder(ascendingOrder).build();
    }

    @Override
    @SuppressWarnings("deprecation")
    ListOperation<ListPolicyPrincipalsRequest, ?, ?> operation(IotClient iot) {
        return ListOperations.listPolicyPrincipals(iot::listPolicyPrincipals);
    }
}
