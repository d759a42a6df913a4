package dev.certreg.cli.iot;

import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import software.amazon.awssdk.services.iot.IotClient;

/** {@code certreg iot delete-policy}: DeletePolicy. Prints nothing on success. */
@Command(name = "delete-policy", mixinStandardHelpOptions = true,
        description = "Delete a policy that is attached to nothing and has only its default version.")
final class DeletePolicyCommand extends OperationCommand {
    @Option(names = "--policy-name", required = true, paramLabel = "NAME", description = "The policy's name.")
    String policyName;

    @Override
    String operationName() {
        return "DeletePolicy";
    }

    @Override
    Function<IotClient, Object> prepare() {
        return iot -> iot.deletePolicy(request -> request.policyName(policyName));
    }
}
