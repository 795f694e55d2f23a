package org.spares.db;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** How much the database holds: commands that fill an empty database ask first. */
public interface ContentsDao {
    /** Rows of the tables a filled database has rows in. */
    record Counts(long depots, long parts, long repairOrders, long ledger) {
    }

    @SqlQuery("""
            SELECT (SELECT COUNT(*) FROM depots) AS depots, (SELECT COUNT(*) FROM parts) AS parts,
                   (SELECT COUNT(*) FROM repair_orders) AS repair_orders, (SELECT COUNT(*) FROM ledger) AS ledger
            """)
    @RegisterConstructorMapper(Counts.class)
    Counts counts();
}
