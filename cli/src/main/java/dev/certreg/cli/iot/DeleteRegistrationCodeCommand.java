package dev.certreg.cli.iot;

import java.util.function.Function;
import picocli.CommandLine.Command;
import software.amazon.awssdk.services.iot.IotClient;

/** {@code certreg iot delete-registration-code}: DeleteRegistrationCode. */
@Command(name = "delete-registration-code", mixinStandardHelpOptions = true,
        description = "Delete the account's registration code; the next get-registration-code makes a new one.")
final class DeleteRegistrationCodeCommand extends OperationCommand {
    @Override
    String operationName() {
        return "DeleteRegistrationCode";
    }

    @Override
    Function<IotClient, Object> prepare() {
        return iot -> iot.deleteRegistrationCode(request -> {});
    }
}
