package dev.certreg.cli.iot;

/**
 * The exit statuses of {@code certreg iot}. Syntax errors that picocli finds (an unknown or missing option) exit
 * with picocli's 2, as argparse does in the AWS CLI v1.
 */
final class ExitCodes {
    /** A parameter value could not be used (a file, a token, a page size), as in the AWS CLI v2. */
    static final int PARAMETER_ERROR = 252;

    /** The service answered with an error, or it could not be reached or configured, as in the AWS CLI. */
    static final int SERVICE_ERROR = 255;

    private ExitCodes() {}
}
