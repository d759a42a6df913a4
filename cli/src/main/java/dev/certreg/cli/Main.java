package dev.certreg.cli;

import dev.certreg.cli.iot.IotCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code certreg} command line. */
@Command(name = "certreg", mixinStandardHelpOptions = true, version = "certreg 0.1.0",
        description = "An AWS IoT-compatible X.509 certificate registry.",
        subcommands = {ServeCommand.class, BackupCommand.class, ImportCommand.class, IotCommand.class})
public final class Main {
    public static void main(String[] args) {
        System.exit(new CommandLine(new Main()).execute(args));
    }
}
