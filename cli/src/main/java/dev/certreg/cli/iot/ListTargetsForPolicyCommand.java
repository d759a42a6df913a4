package dev.certreg.cli.iot;

import dev.certreg.client.ListOperation;
import dev.certreg.client.ListOperations;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import software.amazon.awssdk.services.iot.IotClient;
import software.amazon.awssdk.services.iot.model.ListTargetsForPolicyRequest;

/** {@code certreg iot list-targets-for-policy}: ListTargetsForPolicy, paged. */
@Command(name = "list-targets-for-policy", mixinStandardHelpOptions = true,
        description = "List the certificates a policy is attached to, oldest attachment first.")
final class ListTargetsForPolicyCommand extends ListCommand<ListTargetsForPolicyRequest> {
    @Option(names = "--policy-name", required = true, paramLabel = "NAME", description = "The policy's name.")
    String policyName;

    @Override
    String operationName() {
        return "ListTargetsForPolicy";
    }

    @Override
    ListTargetsForPolicyRequest request() {
        return ListTargetsForPolicyRequest.builder().policyName(policyName).build();
    }

    @Override
    ListOperation<ListTargetsForPolicyRequest, ?, ?> operation(IotClient iot) {
        return ListOperations.listTargetsForPolicy(iot::listTargetsForPolicy);
    }
}
