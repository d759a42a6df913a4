package dev.certreg.cli.iot;

import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import software.amazon.awssdk.services.iot.IotClient;

/** {@code certreg iot attach-policy}: AttachPolicy. Prints nothing on success. */
@Command(name = "attach-policy", mixinStandardHelpOptions = true,
        description = "Attach a policy to a certificate (at most ten per certificate).")
final class AttachPolicyCommand extends OperationCommand {
    @Option(names = "--policy-name", required = true, paramLabel = "NAME", description = "The policy's name.")
    String policyName;

    @Option(names = "--target", required = true, paramLabel = "ARN", description = "The certificate ARN.")
    String target;

    @Override
    String operationName() {
        return "AttachPolicy";
    }

    @Override
    Function<IotClient, Object> prepare() {
        return iot -> iot.attachPolicy(request -> request.policyName(policyName).target(target));
    }
}
