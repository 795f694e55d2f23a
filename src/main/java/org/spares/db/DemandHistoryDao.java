package org.spares.db;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** What an optimization run reads from the history: issues, repair orders opened, current positions. */
@RegisterConstructorMapper(DemandHistoryDao.Issue.class)
@RegisterConstructorMapper(DemandHistoryDao.Opened.class)
@RegisterConstructorMapper(DemandHistoryDao.Stocked.class)
public interface DemandHistoryDao {
    /** One ISSUE row: units (positive) taken from the position at an instant. */
    record Issue(long depotId, long partId, Instant at, int units) {
    }

    /** Repair orders a depot opened in the window. */
    record Opened(long depotId, long orders) {
    }

    /** A position of a depot with its current target level. */
    record Stocked(long depotId, long partId, int targetLevel) {
    }

    @SqlQuery("""
            SELECT depot_id, part_id, at, -quantity AS units FROM ledger
             WHERE type = 'ISSUE' AND at >= :from AND at < :to AND depot_id IN (<depots>)
            """)
    List<Issue> issues(@BindList("depots") Collection<Long> depotIds, @Bind("from") Instant from,
            @Bind("to") Instant to);

    @SqlQuery("""
            SELECT depot_id, COUNT(*) AS orders FROM repair_orders
             WHERE opened_at >= :from AND opened_at < :to AND depot_id IN (<depots>)
             GROUP BY depot_id
            """)
    List<Opened> repairOrdersOpened(@BindList("depots") Collection<Long> depotIds, @Bind("from") Instant from,
            @Bind("to") Instant to);

    @SqlQuery("SELECT depot_id, part_id, target_level FROM positions WHERE depot_id IN (<depots>) ORDER BY id")
    List<Stocked> positions(@BindList("depots") Collection<Long> depotIds);
}
