package org.spares.db;

import java.io.EOFException;
import java.net.SocketException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.List;

/** Classifies database failures by SQLState and vendor code, the same way on H2, MySQL and MariaDB. */
public final class SqlErrors {
    private static final int MYSQL_DEADLOCK = 1213;
    private static final int MYSQL_LOCK_WAIT_TIMEOUT = 1205;
    private static final int MYSQL_DUPLICATE_KEY = 1062;
    /**
     * ER_ERROR_DURING_COMMIT: the commit did not happen. A Galera node answers it when it lost the primary component
     * under the transaction ("not connected to Primary Component"); the request may be sent again, to another node.
     */
    private static final int MYSQL_ERROR_DURING_COMMIT = 1180;
    private static final int H2_DEADLOCK = 40001;
    private static final int H2_LOCK_TIMEOUT = 50200;
    private static final int H2_CONCURRENT_UPDATE = 90131;
    private static final int H2_DUPLICATE_KEY = 23505;
    private static final int H2_IO_EXCEPTION = 90028;

    private SqlErrors() {
    }

    /** A deadlock or lock-wait timeout: the transaction did nothing and may be run again. */
    public static boolean isRetryable(Throwable failure) {
        for (SQLException sql : chain(failure)) {
            int code = sql.getErrorCode();
            String state = sql.getSQLState();
            if (code == MYSQL_DEADLOCK || code == MYSQL_LOCK_WAIT_TIMEOUT || code == H2_DEADLOCK
                    || code == H2_LOCK_TIMEOUT || code == H2_CONCURRENT_UPDATE || "40001".equals(state)) {
                return true;
            }
        }
        return false;
    }

    public static boolean isDuplicateKey(Throwable failure) {
        for (SQLException sql : chain(failure)) {
            int code = sql.getErrorCode();
            if (code == MYSQL_DUPLICATE_KEY || code == H2_DUPLICATE_KEY) {
                return true;
            }
        }
        return false;
    }

    /** The database cannot be reached or the pool has no connection to give. */
    public static boolean isUnavailable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            // The non-transient kind is JDBC's "connection failed or broken" (SQLState class 08); H2 in server mode
            // reports a dropped TCP link with it under its own state 90067, which the "08" test below would miss.
            if (cause instanceof SQLTransientConnectionException || cause instanceof SQLNonTransientConnectionException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                return true;
            }
            // A link that died under a statement: H2's client reports some of these as a plain IO error (90028),
            // sometimes only as text relayed from its server, with no cause object to find.
            if (cause instanceof EOFException || cause instanceof SocketException) {
                return true;
            }
            if (cause instanceof SQLException sql && (sql.getErrorCode() == H2_IO_EXCEPTION
                    || sql.getErrorCode() == MYSQL_ERROR_DURING_COMMIT)) {
                return true;
            }
            String name = cause.getClass().getName();
            if (name.endsWith("PoolExhaustedException") || name.endsWith("CommunicationsException")) {
                return true;
            }
        }
        return false;
    }

    /**
     * The deepest cause's class and message, for a log line. Jdbi's own message carries the statement and its
     * bound arguments (a token's hash, a user's name), which have no place in a log.
     */
    public static String describeCause(Throwable failure) {
        Throwable deepest = failure;
        while (deepest.getCause() != null && deepest.getCause() != deepest) {
            deepest = deepest.getCause();
        }
        String state = deepest instanceof SQLException sql ? " (SQLState " + sql.getSQLState() + ")" : "";
        return deepest.getClass().getSimpleName() + state + ": " + deepest.getMessage();
    }

    private static Iterable<SQLException> chain(Throwable failure) {
        List<SQLException> found = new ArrayList<>();
        for (Throwable cause = failure; cause != null && found.size() < 16; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                found.add(sql);
                for (SQLException next = sql.getNextException(); next != null && found.size() < 16;
                        next = next.getNextException()) {
                    found.add(next);
                }
            }
        }
        return found;
    }
}
