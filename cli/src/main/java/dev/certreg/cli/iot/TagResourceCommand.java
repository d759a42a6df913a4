package dev.certreg.cli.iot;

import java.util.List;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import software.amazon.awssdk.services.iot.IotClient;
import software.amazon.awssdk.services.iot.model.Tag;

/** {@code certreg iot tag-resource}: TagResource. Prints nothing on success. */
@Command(name = "tag-resource", mixinStandardHelpOptions = true,
        description = "Add tags to a resource, replacing the values of keys it has.")
final class TagResourceCommand extends OperationCommand {
    @Option(names = "--resource-arn", required = true, paramLabel = "ARN", description = "The resource's ARN.")
    String resourceArn;

    @Option(names = "--tags", required = true, arity = "1..*", paramLabel = "TAG",
            description = "Key=k,Value=v ... or a JSON list of {\"Key\", \"Value\"}.")
    List<String> tags;

    @Override
    String operationName() {
        return "TagResource";
    }

    @Override
    Function<IotClient, Object> prepare() {
        List<Tag> parsed = Tags.parse("--tags", tags);
        return iot -> iot.tagResource(request -> request.resourceArn(resourceArn).tags(parsed));
    }
}
