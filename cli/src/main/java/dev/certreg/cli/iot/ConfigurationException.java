package dev.certreg.cli.iot;

/** The AWS settings are incomplete (no region, no credentials, an unknown profile): the command exits 255. */
final class ConfigurationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ConfigurationException(String message) {
        super(message);
    }
}
