package dev.certreg.cli.iot;

import java.util.function.Function;
import picocli.CommandLine.Command;
import software.amazon.awssdk.services.iot.IotClient;

/** {@code certreg iot get-registration-code}: GetRegistrationCode. */
@Command(name = "get-registration-code", mixinStandardHelpOptions = true,
        description = "Print the account's registration code, the CN a CA's verification certificate must have.")
final class GetRegistrationCodeCommand extends OperationCommand {
    @Override
    String operationName() {
        return "GetRegistrationCode";
    }

    @Override
    Function<IotClient, Object> prepare() {
        return iot -> iot.getRegistrationCode(request -> {});
    }
}
