package dev.certreg.cli.iot;

import dev.certreg.client.PaginationException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.URI;
import java.net.UnknownHostException;
import org.apache.hc.core5.http.NoHttpResponseException;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * What a failed command prints on stderr and the status it exits with, worded as the AWS CLI words it: {@code An
 * error occurred (Code) when calling the Operation operation: message} and 255 for a service error, 252 for a
 * parameter value, 255 for missing configuration or an unreachable endpoint. Immutable.
 *
 * @param message the text, printed after an empty line as the CLI prints it
 * @param exitCode the exit status
 */
record ErrorReport(String message, int exitCode) {
    /**
     * The report for {@code failure}, or {@code null} if it is none of the expected failures (a bug, left to
     * picocli's stack trace).
     */
    static ErrorReport of(RuntimeException failure, String operationName, URI endpoint) {
        if (failure instanceof ParameterValueException) {
            return new ErrorReport(failure.getMessage(), ExitCodes.PARAMETER_ERROR);
        }
        if (failure instanceof ConfigurationException) {
            return service(failure.getMessage());
        }
        if (failure instanceof AwsServiceException serviceError) {
            return service(serviceErrorMessage(serviceError, operationName));
        }
        if (failure instanceof PaginationException) {
            return service("Error during pagination: " + failure.getMessage());
        }
        if (failure instanceof SdkException) {
            return service(transportMessage(failure, endpoint));
        }
        return null;
    }

    /** The CLI's wording for a refused or dropped connection (it names the request URL; this names the endpoint). */
    private static String transportMessage(RuntimeException failure, URI endpoint) {
        if (hasCause(failure, ConnectException.class) || hasCause(failure, UnknownHostException.class)) {
            return "Could not connect to the endpoint URL: \"" + endpoint + "\"";
        }
        if (hasCause(failure, SocketException.class) || hasCause(failure, NoHttpResponseException.class)) {
            return "Connection was closed before we received a valid response from endpoint URL: \"" + endpoint
                    + "\".";
        }
        return failure.getMessage();
    }

    private static ErrorReport service(String message) {
        return new ErrorReport(message, ExitCodes.SERVICE_ERROR);
    }

    /** botocore's {@code ClientError} text; like botocore, the HTTP status stands in for a missing error code. */
    private static String serviceErrorMessage(AwsServiceException error, String operationName) {
        AwsErrorDetails details = error.awsErrorDetails();
        String code = details == null || details.errorCode() == null ? String.valueOf(error.statusCode())
                : details.errorCode();
        String message = details == null || details.errorMessage() == null ? "Unknown" : details.errorMessage();
        return "An error occurred (" + code + ") when calling the " + operationName + " operation: " + message;
    }

    private static boolean hasCause(Throwable failure, Class<? extends Exception> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }
}
