package dev.certreg.store.jdbc;

import java.sql.SQLException;

/**
 * A database failure that no request caused; the server answers it with InternalFailureException. The message names
 * the database and a code (see {@link Database#failureCode}), never the driver's message, which may quote statements
 * or row values: that stays with the cause, for the log.
 */
public final class StoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    StoreException(Database database, SQLException cause) {
        super(database.name() + " failure, " + database.failureCode(cause), cause);
    }
}
