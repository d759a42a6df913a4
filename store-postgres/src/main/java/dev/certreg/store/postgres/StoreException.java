package dev.certreg.store.postgres;

import java.sql.SQLException;

/**
 * A PostgreSQL failure that no request caused; the server answers it with InternalFailureException. The message
 * names only the SQLState: the driver's message may quote statements or row values, so it stays with the cause, for
 * the log.
 */
final class StoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    StoreException(SQLException cause) {
        super("PostgreSQL failure, SQLState " + cause.getSQLState(), cause);
    }
}
