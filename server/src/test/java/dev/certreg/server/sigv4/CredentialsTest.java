package dev.certreg.server.sigv4;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The credentials file: its format, its defaults, and one-line errors naming the line and never the secret. */
class CredentialsTest {
    @TempDir
    Path dir;

    @Test
    void aFileDefinesKeysWithTheirSecretsAccountsAndState() throws Exception {
        Path file = Files.writeString(dir.resolve("credentials"), String.join("\n",
                "\uFEFF# certreg access keys",
                "[AKIDEXAMPLE]",
                "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
                "",
                "; a second key, in another account, switched off",
                "  [ AKIAOTHER.KEY_2 ]  ",
                "account=210987654321",
                "aws_secret_access_key=a#b=c",
                "enabled = false",
                ""));
        Credentials credentials = Credentials.load(file);

        assertThat(credentials.size()).isEqualTo(2);
        assertThat(credentials.find("AKIDEXAMPLE")).contains(new AccessKey("AKIDEXAMPLE",
                "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "123456789012", true));
        assertThat(credentials.find("AKIAOTHER.KEY_2")).contains(new AccessKey("AKIAOTHER.KEY_2", "a#b=c",
                "210987654321", false));
        assertThat(credentials.find("akidexample")).isEmpty();
    }

    @Test
    void theReadmesExampleParses() {
        Credentials credentials = Credentials.parse(String.join("\n",
                "# Comments take whole lines, starting with # or ;",
                "[AKIDEXAMPLE]",
                "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
                "# optional: 12 digits, default 123456789012",
                "account = 123456789012",
                "",
                "[AKIAOLDKEY]",
                "aws_secret_access_key = ...",
                "# optional, default true: a disabled key is refused like an unknown one",
                "enabled = false"));
        assertThat(credentials.size()).isEqualTo(2);
        assertThat(credentials.find("AKIAOLDKEY")).hasValueSatisfying(k -> assertThat(k.enabled()).isFalse());
    }

    @Test
    void windowsLineEndsAreFine() {
        assertThat(Credentials.parse("[AKID]\r\naws_secret_access_key = s\r\n").find("AKID")).isPresent();
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
        "''|the file defines no access keys",
        "# only a comment|the file defines no access keys",
        "aws_secret_access_key = s|line 1: 'aws_secret_access_key' comes before any section",
        "[AKID|line 1: a section header must look like [ACCESS_KEY_ID]",
        "[AKID/2]|line 1: 'AKID/2' is not an access key id",
        "[]|line 1: '' is not an access key id",
        "[AKID]\\naws_access_key_id = AKID|line 2: unknown setting 'aws_access_key_id'",
        "[AKID]\\njust words|line 2: expected 'name = value' or a section header",
        "[AKID]\\naccount = 123|line 2: account of access key AKID must be 12 digits, got '123'",
        "[AKID]\\nenabled = yes|line 2: enabled of access key AKID must be true or false, got 'yes'",
        "[AKID]\\naws_secret_access_key =|line 2: aws_secret_access_key of access key AKID is empty",
        "[AKID]\\naws_secret_access_key = a\\naws_secret_access_key = b|line 3: 'aws_secret_access_key' is set twice",
        "[AKID]\\naccount = 123456789012|line 1: access key AKID has no aws_secret_access_key",
        "[AKID]\\naws_secret_access_key = a\\n[AKID]|line 3: access key AKID is defined twice",
    })
    void aMalformedFileNamesTheLineAndTheDefect(String text, String message) {
        assertThatThrownBy(() -> Credentials.parse(text.replace("\\n", "\n")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(message);
    }

    @Test
    void errorsAndToStringNeverShowASecret() {
        assertThatThrownBy(() -> Credentials.parse("[AKID]\naws_secret_access_key = hunter2\nenabled = maybe"))
                .hasMessageNotContaining("hunter2");
        AccessKey key = new AccessKey("AKID", "hunter2", "123456789012", true);
        assertThat(key.toString()).doesNotContain("hunter2");
        assertThat(Credentials.of(List.of(key)).toString()).doesNotContain("hunter2");
    }

    @Test
    void aRegistryRefusesTwoKeysWithOneId() {
        AccessKey key = new AccessKey("AKID", "s", "123456789012", true);
        assertThatThrownBy(() -> Credentials.of(List.of(key, key))).hasMessage("access key AKID is defined twice");
    }
}
