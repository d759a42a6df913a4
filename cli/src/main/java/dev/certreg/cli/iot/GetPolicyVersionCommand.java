package dev.certreg.cli.iot;

import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import software.amazon.awssdk.services.iot.IotClient;

/** {@code certreg iot get-policy-version}: GetPolicyVersion. */
@Command(name = "get-policy-version", mixinStandardHelpOptions = true,
        description = "Describe one version of a policy.")
final class GetPolicyVersionCommand extends OperationCommand {
    @Option(names = "--policy-name", required = true, paramLabel = "NAME", description = "The policy's name.")
    String policyName;

    @Option(names = "--policy-version-id", required = true, paramLabel = "ID", description = "The version's id.")
    String policyVersionId;

    @Override
    String operationName() {
        return "GetPolicyVersion";
    }

    @Override
    Function<IotClient, Object> prepare() {
        return iot -> iot.getPolicyVersion(request -> request.policyName(policyName).policyVersionId(policyVersionId));
    }
}
