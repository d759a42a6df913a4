package dev.certreg.cli.iot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StructureSyntaxTest {
    private static final List<String> TAG = List.of("Key", "Value");

    @Test
    void tagsMayMixShorthandValuesAndJsonLists() {
        List<Map<String, String>> tags = StructureSyntax.list("--tags",
                List.of("Key=a,Value=1", "[{\"Key\": \"b\", \"Value\": \"2,3\"}, {\"Key\": \"c\"}]"), TAG);

        assertThat(tags).containsExactly(Map.of("Key", "a", "Value", "1"), Map.of("Key", "b", "Value", "2,3"),
                Map.of("Key", "c"));
    }

    @Test
    void aStructureMayComeFromAFile(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("config.json"), "{\"templateBody\": \"{\\\"a\\\": 1}\"}\n");

        assertThat(StructureSyntax.structure("--registration-config", "file://" + file,
                List.of("templateBody", "roleArn", "templateName")))
                .containsExactly(Map.entry("templateBody", "{\"a\": 1}"));
    }

    @Test
    void aNonStringJsonValueIsRefused() {
        assertThatThrownBy(() -> StructureSyntax.list("--tags", List.of("[{\"Key\": 1}]"), TAG))
                .isInstanceOf(ParameterValueException.class)
                .hasMessage("Error parsing parameter '--tags': The value of Key must be a string");
    }

    @Test
    void shorthandWithoutEqualsIsRefused() {
        assertThatThrownBy(() -> StructureSyntax.list("--tags", List.of("Key"), TAG))
                .isInstanceOf(ParameterValueException.class)
                .hasMessage("Error parsing parameter '--tags': Expected key=value[,key=value...] or JSON, got: Key");
    }
}
