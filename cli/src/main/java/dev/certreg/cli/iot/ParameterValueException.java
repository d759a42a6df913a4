package dev.certreg.cli.iot;

/** A parameter value that cannot be sent, found before any request: the command exits 252. */
final class ParameterValueException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ParameterValueException(String message) {
        super(message);
    }

    /** The AWS CLI's wording for a value it could not read. */
    static ParameterValueException parsing(String option, String problem) {
        return new ParameterValueException("Error parsing parameter '" + option + "': " + problem);
    }
}
