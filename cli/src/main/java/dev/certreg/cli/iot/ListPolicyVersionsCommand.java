package dev.certreg.cli.iot;

import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import software.amazon.awssdk.services.iot.IotClient;

/** {@code certreg iot list-policy-versions}: ListPolicyVersions. */
@Command(name = "list-policy-versions", mixinStandardHelpOptions = true,
        description = "List a policy's versions, newest first.")
final class ListPolicyVersionsCommand extends OperationCommand {
    @Option(names = "--policy-name", required = true, paramLabel = "NAME", description = "The policy's name.")
    String policyName;

    @Override
    String operationName() {
        return "ListPolicyVersions";
    }

    @Override
    Function<IotClient, Object> prepare() {
        return iot -> iot.listPolicyVersions(request -> request.policyName(policyName));
    }
}
