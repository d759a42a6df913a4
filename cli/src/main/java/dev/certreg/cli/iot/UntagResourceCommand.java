package dev.certreg.cli.iot;

import java.util.List;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import software.amazon.awssdk.services.iot.IotClient;

/** {@code certreg iot untag-resource}: UntagResource. Prints nothing on success. */
@Command(name = "untag-resource", mixinStandardHelpOptions = true,
        description = "Remove tags from a resource by key.")
final class UntagResourceCommand extends OperationCommand {
    @Option(names = "--resource-arn", required = true, paramLabel = "ARN", description = "The resource's ARN.")
    String resourceArn;

    @Option(names = "--tag-keys", required = true, arity = "1..*", paramLabel = "KEY", description = "The keys.")
    List<String> tagKeys;

    @Override
    String operationName() {
        return "UntagResource";
    }

    @Override
    Function<IotClient, Object> prepare() {
        return iot -> iot.untagResource(request -> request.resourceArn(resourceArn).tagKeys(tagKeys));
    }
}
