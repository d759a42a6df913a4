package dev.certreg.store.sqlite;

import java.sql.SQLException;

/** An SQLite failure that no request caused; the server answers it with InternalFailureException. */
final class StoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    StoreException(SQLException cause) {
        super("SQLite failure: " + cause.getMessage(), cause);
    }
}
