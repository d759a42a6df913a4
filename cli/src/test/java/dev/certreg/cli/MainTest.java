package dev.certreg.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class MainTest {
    @Test
    void aNamedCommandIsTheOnlyOneBuilt() {
        assertThat(Main.commandLine("serve", "--port", "0").getSubcommands()).containsOnlyKeys("serve");
        assertThat(Main.commandLine("iot", "list-certificates").getSubcommands()).containsOnlyKeys("iot");
    }

    @Test
    void helpListsEveryCommandAndAMistakeIsMatchedAgainstThemAll() {
        StringWriter out = new StringWriter();
        assertThat(Main.commandLine("--help").setOut(new PrintWriter(out)).execute("--help")).isZero();
        assertThat(out.toString()).contains("serve", "backup", "import", "iot");

        StringWriter err = new StringWriter();
        CommandLine line = Main.commandLine("serv").setErr(new PrintWriter(err));
        assertThat(line.execute("serv")).isEqualTo(2);
        assertThat(err.toString()).contains("Did you mean: certreg serve?");
    }
}
