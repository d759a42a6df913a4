package dev.certreg.cli.iot;

import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import software.amazon.awssdk.services.iot.IotClient;

/** {@code certreg iot describe-endpoint}: DescribeEndpoint. */
@Command(name = "describe-endpoint", mixinStandardHelpOptions = true,
        description = "Print the account's endpoint address for a type.")
final class DescribeEndpointCommand extends OperationCommand {
    @Option(names = "--endpoint-type", paramLabel = "TYPE", description = "iot:Data (default), iot:Data-ATS,"
            + " iot:CredentialProvider, iot:Jobs or iot:DeviceAdvisor.")
    String endpointType;

    @Override
    String operationName() {
        return "DescribeEndpoint";
    }

    @Override
    Function<IotClient, Object> prepare() {
        String type = endpointType;
        return iot -> iot.describeEndpoint(request -> request.endpointType(type));
    }
}
