package org.spares.config;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Jdbi;

/**
 * A commit is on its way to disk before its answer leaves, on every database Spares supports.
 *
 * <p>H2 (MVStore) keeps committed changes in memory and writes them to its file in the background, up to
 * {@code WRITE_DELAY} milliseconds later (500 by default): a killed process loses the commits of that window although
 * they were answered, and their identity values are handed out again after restart. With {@code WRITE_DELAY=0} each
 * commit writes its chunk to the file before the commit returns. H2 2.x does not fsync a commit (only a clean
 * close, compaction and {@code CHECKPOINT SYNC} do), so that promise covers a crash of the process, not of the
 * operating system or a power loss: docs/RELIABILITY.md says so.
 *
 * <p>MySQL/MariaDB write and fsync InnoDB's redo log at each commit only with
 * {@code innodb_flush_log_at_trx_commit = 1} (their default); with 0 or 2 a server or OS crash loses up to a second
 * of answered commits. That is the server's setting, so the service checks it on start and refuses to run without
 * it unless told the loss is acceptable.
 */
public final class DurableCommits {
    private static final Pattern WRITE_DELAY = Pattern.compile(";WRITE_DELAY=([^;]*)", Pattern.CASE_INSENSITIVE);

    private DurableCommits() {
    }

    /**
     * The H2 URL with {@code WRITE_DELAY=0} added when it names a file database without one. A URL that asks for a
     * delay is refused: it would acknowledge commits a crash can lose. In-memory and remote (tcp:, ssl:) URLs are
     * returned as they are: memory has no file, and a server applies its own setting.
     */
    public static String h2Url(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        if (lower.startsWith("jdbc:h2:mem:") || lower.startsWith("jdbc:h2:tcp:") || lower.startsWith("jdbc:h2:ssl:")) {
            return url;
        }
        Matcher delay = WRITE_DELAY.matcher(url);
        if (!delay.find()) {
            return url + ";WRITE_DELAY=0";
        }
        if (!delay.group(1).trim().equals("0")) {
            throw new IllegalArgumentException("the H2 URL sets WRITE_DELAY=" + delay.group(1)
                    + ": commits answered within that delay would be lost by a crash; use WRITE_DELAY=0 or leave it out");
        }
        return url;
    }

    /**
     * Refuses to serve on a MySQL/MariaDB server that does not flush its redo log at every commit, unless
     * {@code allowLoss} (config {@code spares.requireDurableCommits: false}) accepts that.
     */
    public static void checkMySql(Jdbi jdbi, boolean allowLoss) {
        int flush = jdbi.withHandle(handle -> handle.createQuery("SELECT @@innodb_flush_log_at_trx_commit")
                .mapTo(Integer.class).one());
        // 3 is MariaDB's "1, and wait for the flush of group commits too": as durable as 1
        if (flush != 1 && flush != 3 && !allowLoss) {
            throw new IllegalStateException("the database server has innodb_flush_log_at_trx_commit=" + flush
                    + ": a crash of the server would lose answered commits; set it to 1, or set"
                    + " spares.requireDurableCommits: false to accept that");
        }
    }
}
