package dev.certreg.cli.iot;

import dev.certreg.client.ListOperation;
import dev.certreg.client.ListOperations;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import software.amazon.awssdk.services.iot.IotClient;
import software.amazon.awssdk.services.iot.model.ListAttachedPoliciesRequest;

/** {@code certreg iot list-attached-policies}: ListAttachedPolicies, paged. */
@Command(name = "list-attached-policies", mixinStandardHelpOptions = true,
        description = "List the policies attached to a certificate, oldest attachment first.")
final class ListAttachedPoliciesCommand extends ListCommand<ListAttachedPoliciesRequest> {
    @Option(names = "--target", required = true, paramLabel = "ARN", description = "The certificate ARN.")
    String target;

    @Option(names = "--recursive", negatable = true, description = "Thing groups only; certreg has none.")
    Boolean recursive;

    @Override
    String operationName() {
        return "ListAttachedPolicies";
    }

    @Override
    ListAttachedPoliciesRequest request() {
        return ListAttachedPoliciesRequest.builder().target(target).recursive(recursive).build();
    }

    @Override
    ListOperation<ListAttachedPoliciesRequest, ?, ?> operation(IotClient iot) {
        return ListOperations.listAttachedPolicies(iot::listAttachedPolicies);
    }
}
