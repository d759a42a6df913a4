package dev.certreg.cli.iot;

import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import software.amazon.awssdk.services.iot.IotClient;

/** {@code certreg iot set-default-policy-version}: SetDefaultPolicyVersion. Prints nothing on success. */
@Command(name = "set-default-policy-version", mixinStandardHelpOptions = true,
        description = "Make a version the policy's default.")
final class SetDefaultPolicyVersionCommand extends OperationCommand {
    @Option(names = "--policy-name", required = true, paramLabel = "NAME", description = "The policy's name.")
    String policyName;

    @Option(names = "--policy-version-id", required = true, paramLabel = "ID", description = "The version's id.")
    String policyVersionId;

    @Override
    String operationName() {
        return "SetDefaultPolicyVersion";
    }

    @Override
    Function<IotClient, Object> prepare() {
        return iot -> iot.setDefaultPolicyVersion(
                request -> request.policyName(policyName).policyVersionId(policyVersionId));
    }
}
