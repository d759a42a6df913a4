package dev.certreg.store.jdbc;

import dev.certreg.core.ServiceException;
import dev.certreg.protocol.ErrorCode;
import io.micrometer.core.instrument.Timer;
import java.sql.SQLException;
import java.time.Duration;

/**
 * Runs work on a {@link Database} for the stores that share it, timing each read and write and turning failures
 * into {@link StoreException}s. Thread-safe.
 */
final class Work {
    private final Database db;
    private final Timer reads;
    private final Timer writes;

    Work(Database db, Timer reads, Timer writes) {
        this.db = db;
        this.reads = reads;
        this.writes = writes;
    }

    <T> T write(SqlWork<T> work) {
        long start = System.nanoTime();
        try {
            return db.write(work);
        } catch (SQLException e) {
            throw failure(e);
        } finally {
            writes.record(Duration.ofNanos(System.nanoTime() - start));
        }
    }

    /** A failure the database reports as temporary is a 503 the client may retry; anything else a StoreException. */
    private RuntimeException failure(SQLException e) {
        if (db.unavailable(e)) {
            return new ServiceException(ErrorCode.SERVICE_UNAVAILABLE,
                    db.name() + " is unavailable for now (" + db.failureCode(e) + "); retry later");
        }
        return new StoreException(db, e);
    }

    <T> T read(SqlWork<T> work) {
        long start = System.nanoTime();
        try {
            return db.read(work);
        } catch (SQLException e) {
            throw failure(e);
        } finally {
            reads.record(Duration.ofNanos(System.nanoTime() - start));
        }
    }
}
