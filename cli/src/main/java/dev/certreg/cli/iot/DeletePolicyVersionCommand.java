package dev.certreg.cli.iot;

import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import software.amazon.awssdk.services.iot.IotClient;

/** {@code certreg iot delete-policy-version}: DeletePolicyVersion. Prints nothing on success. */
@Command(name = "delete-policy-version", mixinStandardHelpOptions = true,
        description = "Delete a version that is not the policy's default.")
final class DeletePolicyVersionCommand extends OperationCommand {
    @Option(names = "--policy-name", required = true, paramLabel = "NAME", description = "The policy's name.")
    String policyName;

    @Option(names = "--policy-version-id", required = true, paramLabel = "ID", description = "The version's id.")
    String policyVersionId;

    @Override
    String operationName() {
        return "DeletePolicyVersion";
    }

    @Override
    Function<IotClient, Object> prepare() {
        return iot -> iot.deletePolicyVersion(
                request -> request.policyName(policyName).policyVersionId(policyVersionId));
    }
}
