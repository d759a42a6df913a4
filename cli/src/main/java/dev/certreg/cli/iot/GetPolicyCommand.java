package dev.certreg.cli.iot;

import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import software.amazon.awssdk.services.iot.IotClient;

/** {@code certreg iot get-policy}: GetPolicy. */
@Command(name = "get-policy", mixinStandardHelpOptions = true,
        description = "Describe a policy and its default version's document.")
final class GetPolicyCommand extends OperationCommand {
    @Option(names = "--policy-name", required = true, paramLabel = "NAME", description = "The policy's name.")
    String policyName;

    @Override
    String operationName() {
        return "GetPolicy";
    }

    @Override
    Function<IotClient, Object> prepare() {
        return iot -> iot.getPolicy(request -> request.policyName(policyName));
    }
}
