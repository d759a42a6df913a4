package dev.certreg.cli.iot;

import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import software.amazon.awssdk.services.iot.IotClient;

/** {@code certreg iot attach-principal-policy}: AttachPrincipalPolicy. Prints nothing on success. */
@Command(name = "attach-principal-policy", mixinStandardHelpOptions = true,
        description = "Deprecated; attach a policy to a certificate, as attach-policy.")
final class AttachPrincipalPolicyCommand extends OperationCommand {
    @Option(names = "--policy-name", required = true, paramLabel = "NAME", description = "The policy's name.")
    String policyName;

    @Option(names = "--principal", required = true, paramLabel = "ARN", description = "The certificate ARN.")
    String principal;

    @Override
    String operationName() {
        return "AttachPrincipalPolicy";
    }

    @Override
    @SuppressWarnings("deprecation")
    Function<IotClient, Object> prepare() {
        return iot -> iot.attachPrincipalPolicy(request -> request.policyName(policyName).principal(principal));
    }
}
