package dev.certreg.cli.iot;

import dev.certreg.client.ListOperation;
import dev.certreg.client.ListOperations;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import software.amazon.awssdk.services.iot.IotClient;
import software.amazon.awssdk.services.iot.model.ListTagsForResourceRequest;

/** {@code certreg iot list-tags-for-resource}: ListTagsForResource, paged. */
@Command(name = "list-tags-for-resource", mixinStandardHelpOptions = true,
        description = "List a resource's tags in key order.")
final class ListTagsForResourceCommand extends ListCommand<ListTagsForResourceRequest> {
    @Option(names = "--resource-arn", required = true, paramLabel = "ARN", description = "The resource's ARN.")
    String resourceArn;

    @Override
    String operationName() {
        return "ListTagsForResource";
    }

    @Override
    ListTagsForResourceRequest request() {
        return ListTagsForResourceRequest.builder().resourceArn(resourceArn).build();
    }

    @Override
    ListOperation<ListTagsForResourceRequest, ?, ?> operation(IotClient iot) {
        return ListOperations.listTagsForResource(iot::listTagsForResource);
    }
}
