package dev.certreg.client;

/**
 * The server's pagination cannot be followed: it returned a marker that the walk had already sent, so following it
 * would loop forever. botocore raises {@code PaginationError} in the same place, but only when the marker equals the
 * one just before it.
 *
 * <p>Pages yielded before it stay valid; the walk has no NextToken.
 */
public final class PaginationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** An exception with {@code message}. */
    public PaginationException(String message) {
        super(message);
    }
}
