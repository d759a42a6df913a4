package dev.certreg.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class MembersMatchModelTest {
    private static final Path GENERATED = Path.of("src/main/java/dev/certreg/protocol/Members.java");

    @Test
    void theCheckedInTableIsWhatTheGeneratorWritesFromBotocoresModel() throws Exception {
        Process process;
        try {
            process = new ProcessBuilder("python3", "generate-members.py", "--stdout")
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException e) {
            assumeTrue(false, "python3 is not installed, so Members.java cannot be compared with the model");
            return;
        }
        String generated = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assumeTrue(process.exitValue() != 3,
                "botocore is not installed (pip install botocore), so Members.java cannot be compared with the model");
        assertThat(process.exitValue()).isZero();
        assertThat(generated)
                .as("Members.java differs from botocore's model: run python3 protocol/generate-members.py")
                .isEqualTo(Files.readString(GENERATED));
    }

    @Test
    void aMemberKeepsTheModelsWireNameLocationAndLimits() {
        Member id = Members.UpdateCACertificate.CERTIFICATE_ID;

        assertThat(id.wireName()).isEqualTo("caCertificateId");
        assertThat(id.location()).isEqualTo(Member.Location.URI);
        assertThat(id.required()).isTrue();
        assertThat(id.min()).isEqualTo(64);
        assertThat(id.pattern().matcher("0x" + "a".repeat(62)).matches()).isTrue();
    }
}
