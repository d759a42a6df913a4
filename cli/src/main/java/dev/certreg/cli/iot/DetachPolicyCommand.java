package dev.certreg.cli.iot;

import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import software.amazon.awssdk.services.iot.IotClient;

/** {@code certreg iot detach-policy}: DetachPolicy. Prints nothing on success. */
@Command(name = "detach-policy", mixinStandardHelpOptions = true,
        description = "Detach a policy from a certificate.")
final class DetachPolicyCommand extends OperationCommand {
    @Option(names = "--policy-name", required = true, paramLabel = "NAME", description = "The policy's name.")
    String policyName;

    @Option(names = "--target", required = true, paramLabel = "ARN", description = "The certificate ARN.")
    String target;

    @Override
    String operationName() {
        return "DetachPolicy";
    }

    @Override
    Function<IotClient, Object> prepare() {
        return iot -> iot.detachPolicy(request -> request.policyName(policyName).target(target));
    }
}
