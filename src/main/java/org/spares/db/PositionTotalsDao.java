package org.spares.db;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * The reports' running totals kept on the position row, as of the position's newest ledger row. Only
 * StockLedger.record uses it, under the position lock.
 */
public interface PositionTotalsDao {
    /** The totals as of the newest row; the on hand after it is the caller's (it already changed the position). */
    record Stored(Instant lastRowAt, BigDecimal costTimeMicros, BigDecimal unitMicros, BigDecimal valueMicros,
            Instant lastIssueAt) {
    }

    /**
     * A locking read although the caller holds the lock: under REPEATABLE READ a plain read could come from a
     * snapshot taken before the lock was granted. Empty when the position has no ledger row yet.
     */
    @SqlQuery("""
            SELECT last_row_at, cost_time_micros, unit_micros, value_micros, last_issue_at
              FROM positions WHERE id = :id AND last_row_at IS NOT NULL FOR UPDATE
            """)
    @RegisterConstructorMapper(Stored.class)
    Optional<Stored> lock(@Bind("id") long positionId);

    @SqlUpdate("""
            UPDATE positions
               SET first_row_at = CASE WHEN first_row_at IS NULL OR first_row_at > :at THEN :at ELSE first_row_at END,
                   last_row_at = :at, cost_time_micros = :costTimeMicros,
                   unit_micros = :unitMicros, value_micros = :valueMicros, last_issue_at = :lastIssueAt
             WHERE id = :id
            """)
    int update(@Bind("id") long positionId, @Bind("at") Instant at, @Bind("costTimeMicros") BigDecimal costTimeMicros,
            @Bind("unitMicros") BigDecimal unitMicros, @Bind("valueMicros") BigDecimal valueMicros,
            @Bind("lastIssueAt") Instant lastIssueAt);
}
