package dev.certreg.cli.output;

import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** The values of {@code --output}: what the AWS CLI v1 prints for {@code json} and {@code table}. Immutable. */
public enum OutputFormat {
    /** Python's {@code json.dumps(indent=4)} of the document; nothing for an empty one. */
    JSON {
        @Override
        public String render(String operationName, Map<String, Object> document) {
            return document.isEmpty() ? "" : PythonJson.dumps(document) + "\n";
        }
    },
    /** The CLI's boxed table, titled with the operation name, 80 columns wide at most where it can. */
    TABLE {
        @Override
        public String render(String operationName, Map<String, Object> document) {
            return TableFormatter.render(operationName, document);
        }
    };

    /** The text to print for {@code document}, the output of {@code operationName}. */
    public abstract String render(String operationName, Map<String, Object> document);

    /** Reads {@code json} or {@code table}, as the AWS CLI spells them. */
    public static final class Converter implements ITypeConverter<OutputFormat> {
        @Override
        public OutputFormat convert(String value) {
            return switch (value) {
                case "json", "table" -> valueOf(value.toUpperCase(Locale.ROOT));
                default -> throw new TypeConversionException(
                        "'" + value + "' is not an output format certreg writes; use json or table");
            };
        }
    }
}
