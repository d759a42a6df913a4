package dev.certreg.cli.iot;

import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import software.amazon.awssdk.services.iot.IotClient;

/** {@code certreg iot create-policy}: CreatePolicy. */
@Command(name = "create-policy", mixinStandardHelpOptions = true,
        description = "Create a policy; its document becomes version 1, the default.")
final class CreatePolicyCommand extends OperationCommand {
    @Option(names = "--policy-name", required = true, paramLabel = "NAME", description = "The policy's name.")
    String policyName;

    @Option(names = "--policy-document", required = true, paramLabel = "JSON",
            description = "The policy document, or file://path.")
    String policyDocument;

    @Override
    String operationName() {
        return "CreatePolicy";
    }

    @Override
    Function<IotClient, Object> prepare() {
        String document = ParamFile.resolve("--policy-document", policyDocument);
        return iot -> iot.createPolicy(request -> request.policyName(policyName).policyDocument(document));
    }
}
