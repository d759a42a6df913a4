package dev.certreg.cli;

import dev.certreg.cli.iot.IotCommand;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code certreg} command line. */
@Command(name = "certreg", mixinStandardHelpOptions = true, version = "certreg 0.1.0",
        description = "An AWS IoT-compatible X.509 certificate registry.")
public final class Main {
    private static final Map<String, Class<?>> COMMANDS = new LinkedHashMap<>();

    static {
        COMMANDS.put("serve", ServeCommand.class);
        COMMANDS.put("backup", BackupCommand.class);
        COMMANDS.put("import", ImportCommand.class);
        COMMANDS.put("iot", IotCommand.class);
    }

    private Main() {}

    public static void main(String[] args) {
        System.exit(commandLine(args).execute(args));
    }

    /**
     * The command line that runs {@code args}. picocli builds the model of every command it is given, and
     * {@code iot}'s sixty subcommands take a noticeable part of a start; so when the first argument names a command,
     * only that command is built. Anything else (help, a version, a mistake) gets them all, so that help lists them
     * and a mistake is answered with the full usage.
     */
    public static CommandLine commandLine(String... args) {
        CommandLine line = new CommandLine(new Main());
        Class<?> named = args.length > 0 ? COMMANDS.get(args[0]) : null;
        if (named != null) {
            line.addSubcommand(args[0], named);
        } else {
            COMMANDS.forEach(line::addSubcommand);
        }
        return line;
    }
}
