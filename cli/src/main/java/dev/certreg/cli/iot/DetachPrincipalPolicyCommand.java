package dev.certreg.cli.iot;

import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import software.amazon.awssdk.services.iot.IotClient;

/** {@code certreg iot detach-principal-policy}: DetachPrincipalPolicy. Prints nothing on success. */
@Command(name = "detach-principal-policy", mixinStandardHelpOptions = true,
        description = "Deprecated; detach a policy from a certificate, as detach-policy.")
final class DetachPrincipalPolicyCommand extends OperationCommand {
    @Option(names = "--policy-name", required = true, paramLabel = "NAME", description = "The policy's name.")
    String policyName;

    @Option(names = "--principal", required = true, paramLabel = "ARN", description = "The certificate ARN.")
    String principal;

    @Override
    String operationName() {
        return "DetachPrincipalPolicy";
    }

    @Override
    @SuppressWarnings("deprecation")
    Function<IotClient, Object> prepare() {
        return iot -> iot.detachPrincipalPolicy(request -> request.policyName(policyName).principal(principal));
    }
}
