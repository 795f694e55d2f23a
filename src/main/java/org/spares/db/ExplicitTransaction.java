package org.spares.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;

/**
 * A transaction opened with {@code START TRANSACTION} on a connection left in autocommit, for MySQL and MariaDB.
 * Jdbi's own transactions switch autocommit off and back on: two {@code SET autocommit} round trips around every
 * transaction, which cost the database more CPU than a reservation's two INSERTs (docs/BENCHMARKS-reservations.md).
 * An explicit transaction is one statement, and the server returns to autocommit by itself after COMMIT or ROLLBACK.
 *
 * <p>Every unit of work that runs in one must use only the handle's statements: a nested Jdbi transaction would
 * commit it early. {@code Transactions} is the one caller, and its work never opens one.
 */
public final class ExplicitTransaction {
    private ExplicitTransaction() {
    }

    /** True for the databases whose transactions this runs: MySQL and MariaDB, not H2. */
    public static boolean supports(Handle handle) {
        try {
            String product = handle.getConnection().getMetaData().getDatabaseProductName().toLowerCase();
            return product.contains("mysql") || product.contains("mariadb");
        } catch (SQLException failure) {
            throw new NamedSql.StatementFailure(failure);
        }
    }

    /** Runs the work between START TRANSACTION and COMMIT; any failure rolls back and is thrown as it was. */
    public static <T> T run(Handle handle, Function<Handle, T> work) {
        Connection connection = handle.getConnection();
        requireAutocommit(connection);
        execute(connection, "START TRANSACTION");
        try {
            T result = work.apply(handle);
            execute(connection, "COMMIT");
            return result;
        } catch (RuntimeException | Error failure) {
            rollback(connection, failure);
            throw failure;
        }
    }

    /** START TRANSACTION would silently commit a transaction the connection already had open. */
    private static void requireAutocommit(Connection connection) {
        try {
            if (!connection.getAutoCommit()) {
                throw new IllegalStateException("an explicit transaction needs a connection in autocommit");
            }
        } catch (SQLException failure) {
            throw new NamedSql.StatementFailure(failure);
        }
    }

    private static void rollback(Connection connection, Throwable failure) {
        try (Statement statement = connection.createStatement()) {
            statement.execute("ROLLBACK");
        } catch (SQLException rollbackFailure) {
            // The connection is most likely broken, and the pool's validation will discard it.
            failure.addSuppressed(rollbackFailure);
        }
    }

    private static void execute(Connection connection, String sql) {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException failure) {
            throw new NamedSql.StatementFailure(failure);
        }
    }
}
