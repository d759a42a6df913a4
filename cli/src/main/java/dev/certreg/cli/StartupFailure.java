package dev.certreg.cli;

/** A configuration {@code certreg serve} must not start with; its message is the one line printed. */
final class StartupFailure extends Exception {
    private static final long serialVersionUID = 1L;

    StartupFailure(String message) {
        super(message, null, false, false);
    }

    /** The innermost cause's message, which says what went wrong without a stack trace. */
    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        if (root.getMessage() == null || root instanceof java.nio.file.FileSystemException) {
            // A FileSystemException's message is often the path alone; its type says what went wrong.
            return (root.getMessage() == null ? "" : root.getMessage() + ": ") + root.getClass().getSimpleName();
        }
        return root.getMessage();
    }
}
