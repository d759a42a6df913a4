package dev.certreg.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code serve --auth sigv4 --credentials-file FILE}: a missing, unreadable or malformed configuration stops the
 * server with one line and exit status 1, and never falls back to open mode; open mode stays on loopback unless
 * told otherwise, and then warns.
 */
@Timeout(30)
class ServeCommandAuthTest {
    @TempDir
    Path dir;

    @RegisterExtension
    final StandardErrorCapture err = new StandardErrorCapture();

    @Test
    void sigv4WithoutACredentialsFileIsRefused() {
        assertThat(serve("--auth", "sigv4")).isEqualTo(1);
        assertThat(oneLine()).isEqualTo("certreg: --auth sigv4 needs --credentials-file FILE");
    }

    @Test
    void aMissingCredentialsFileIsReportedInOneLine() {
        Path missing = dir.resolve("no-such-file.ini");
        assertThat(serve("--auth", "sigv4", "--credentials-file", missing.toString())).isEqualTo(1);
        assertThat(oneLine()).startsWith("certreg: cannot read the credentials file " + missing + ": ")
                .endsWith("NoSuchFileException");
    }

    @Test
    void aMalformedCredentialsFileNamesTheLineAndTheDefect() throws Exception {
        Path file = Files.writeString(dir.resolve("credentials.ini"),
                "[AKIDEXAMPLE]\naws_secret_access_key = s3cr3t\naccount = 12345\n");
        assertThat(serve("--auth", "sigv4", "--credentials-file", file.toString())).isEqualTo(1);
        assertThat(oneLine()).isEqualTo("certreg: the credentials file " + file + " is malformed: line 3: account"
                + " of access key AKIDEXAMPLE must be 12 digits, got '12345'");
        assertThat(err.text()).doesNotContain("s3cr3t");
    }

    @Test
    void aCredentialsFileWithoutSigv4IsRefusedRatherThanIgnored() throws Exception {
        assertThat(serve("--credentials-file", validFile().toString())).isEqualTo(1);
        assertThat(oneLine()).isEqualTo("certreg: --credentials-file and --regions need --auth sigv4; --auth open"
                + " checks no signature");
    }

    @Test
    void anUnknownAuthModeIsRefused() {
        assertThat(serve("--auth", "none")).isEqualTo(1);
        assertThat(oneLine()).isEqualTo("certreg: --auth must be open or sigv4, got 'none'");
    }

    @Test
    void aRegionThatIsNoRegionNameIsRefused() throws Exception {
        assertThat(serve("--auth", "sigv4", "--credentials-file", validFile().toString(), "--regions",
                "us-east-1,moon")).isEqualTo(1);
        assertThat(oneLine()).isEqualTo("certreg: --regions: 'moon' is not a region name such as us-east-1");
    }

    @Test
    void aValidSigv4ConfigurationGetsAsFarAsListening() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThat(serve("--auth", "sigv4", "--credentials-file", validFile().toString(), "--regions",
                    "us-east-1,eu-west-1", "--port", Integer.toString(taken.getLocalPort()))).isEqualTo(1);
        }
        assertThat(oneLine()).startsWith("certreg: cannot listen on 127.0.0.1:");
    }

    @Test
    void openModeOnANonLoopbackAddressIsRefusedWithoutTheUnsafeFlag() {
        for (String host : List.of("0.0.0.0", "::")) {
            err.clear();
            assertThat(serve("--host", host)).isEqualTo(1);
            assertThat(oneLine()).startsWith("certreg: --auth open on " + host + " would let anyone")
                    .contains("--allow-open-on-network");
        }
    }

    @Test
    void withTheUnsafeFlagOpenModeOnEveryInterfaceWarnsBeforeListening() throws Exception {
        try (ServerSocket taken = new ServerSocket(0)) {
            assertThat(serve("--host", "0.0.0.0", "--allow-open-on-network", "--port",
                    Integer.toString(taken.getLocalPort()))).isEqualTo(1);
        }
        assertThat(err.text().lines()).first().asString()
                .startsWith("certreg: WARNING: --auth open on 0.0.0.0: signatures are not checked");
        assertThat(err.text()).contains("cannot listen on 0.0.0.0:");
    }

    @Test
    void aTimeoutBelowOneSecondIsRefused() {
        assertThat(serve("--header-timeout", "0")).isEqualTo(1);
        assertThat(oneLine()).isEqualTo("certreg: --idle-timeout, --header-timeout and --body-timeout must be at"
                + " least 1 second, got 0");
    }

    private Path validFile() throws Exception {
        return Files.writeString(dir.resolve("valid.ini"),
                "[AKIDEXAMPLE]\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY\n");
    }

    private int serve(String... options) {
        List<String> args = new ArrayList<>(List.of("serve", "--data-dir", dir.resolve("data").toString()));
        args.addAll(List.of(options));
        if (!args.contains("--port")) {
            args.addAll(List.of("--port", "0"));
        }
        args.addAll(List.of("--mqtt-port", "0"));
        return Main.commandLine().execute(args.toArray(new String[0]));
    }

    /** Standard error, which must be exactly one line without a stack trace. */
    private String oneLine() {
        String text = err.text();
        assertThat(text).endsWith(System.lineSeparator()).doesNotContain("\tat ");
        assertThat(text.strip().lines()).hasSize(1);
        return text.strip();
    }
}
