package dev.certreg.cli.iot;

import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import software.amazon.awssdk.services.iot.IotClient;

/** {@code certreg iot create-policy-version}: CreatePolicyVersion. */
@Command(name = "create-policy-version", mixinStandardHelpOptions = true,
        description = "Add a version to a policy (at most five).")
final class CreatePolicyVersionCommand extends OperationCommand {
    @Option(names = "--policy-name", required = true, paramLabel = "NAME", description = "The policy's name.")
    String policyName;

    @Option(names = "--policy-document", required = true, paramLabel = "JSON",
            description = "The policy document, or file://path.")
    String policyDocument;

    @Option(names = "--set-as-default", negatable = true, description = "Make the new version the default.")
    Boolean setAsDefault;

    @Override
    String operationName() {
        return "CreatePolicyVersion";
    }

    @Override
    Function<IotClient, Object> prepare() {
        String document = ParamFile.resolve("--policy-document", policyDocument);
        return iot -> iot.createPolicyVersion(request -> request.policyName(policyName).policyDocument(document)
                .setAsDefault(setAsDefault));
    }
}
