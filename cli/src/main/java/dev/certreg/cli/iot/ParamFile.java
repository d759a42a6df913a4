package dev.certreg.cli.iot;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The AWS CLI's {@code file://} parameter values: {@code file://ca.pem} stands for the text of {@code ca.pem}
 * (relative to the working directory, {@code ~/} expanded), read as UTF-8. Any other value is itself. Stateless.
 */
final class ParamFile {
    private static final String PREFIX = "file://";

    private ParamFile() {}

    /**
     * The value of {@code option}: the file's text for {@code file://path}, else {@code value}; {@code null} stays
     * {@code null}.
     *
     * @throws ParameterValueException if the file cannot be read
     */
    static String resolve(String option, String value) {
        if (value == null || !value.startsWith(PREFIX)) {
            return value;
        }
        Path path = path(value.substring(PREFIX.length()));
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(Files.readAllBytes(path)))
                    .toString();
        } catch (NoSuchFileException e) {
            throw unreadable(option, value, "No such file or directory: " + path);
        } catch (CharacterCodingException e) {
            throw unreadable(option, value, "not UTF-8 text");
        } catch (IOException e) {
            throw unreadable(option, value, e.toString());
        }
    }

    private static Path path(String name) {
        if (name.equals("~") || name.startsWith("~/")) {
            return Path.of(System.getProperty("user.home") + name.substring(1));
        }
        return Path.of(name);
    }

    private static ParameterValueException unreadable(String option, String value, String reason) {
        return ParameterValueException.parsing(option, "Unable to load paramfile " + value + ": " + reason);
    }
}
