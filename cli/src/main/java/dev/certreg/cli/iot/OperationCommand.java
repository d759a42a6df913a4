package dev.certreg.cli.iot;

import dev.certreg.cli.output.ModelDocument;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.services.iot.IotClient;

/**
 * One {@code certreg iot} operation: reads its parameter values (so a bad value fails before any configuration is
 * looked up or request is sent), builds an SDK client from the global options, sends, and prints the response as the
 * AWS CLI would, or the error as the AWS CLI would. Not thread-safe; picocli makes one per run.
 */
abstract class OperationCommand implements Callable<Integer> {
    @Mixin
    GlobalOptions global;

    @Spec
    CommandSpec spec;

    /** The API name of the operation ({@code ListCertificatesByCA}), for the table title and error messages. */
    abstract String operationName();

    /**
     * Reads the options into a request and returns what sends it: an SDK response or a map of the output layout.
     *
     * @throws ParameterValueException if an option's value cannot be used
     */
    abstract Function<IotClient, Object> prepare();

    @Override
    public final Integer call() {
        try {
            Function<IotClient, Object> send = prepare();
            Map<String, Object> document;
            try (IotClient iot = IotClients.create(global)) {
                document = ModelDocument.of(send.apply(iot));
            }
            print(spec.commandLine().getOut(), global.output.render(operationName(), document));
            return ExitCode.OK;
        } catch (RuntimeException e) {
            ErrorReport report = ErrorReport.of(e, operationName(), global.endpointUrl);
            if (report == null) {
                throw e;
            }
            print(spec.commandLine().getErr(), "\n" + report.message() + "\n");
            return report.exitCode();
        }
    }

    private static void print(PrintWriter out, String text) {
        out.print(text);
        out.flush();
    }
}
