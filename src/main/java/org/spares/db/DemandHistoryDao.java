package org.spares.db;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * The demand history: what technicians asked for (reservations), repair orders opened, current positions. Demand is
 * a reservation's quantity when it was requested, HELD or BACKORDERED, counted when it was issued or is still open;
 * released and expired ones were not used. Requests, unlike issues, are neither delayed nor lost by a stock-out.
 */
@RegisterConstructorMapper(DemandHistoryDao.Request.class)
@RegisterConstructorMapper(DemandHistoryDao.Opened.class)
@RegisterConstructorMapper(DemandHistoryDao.Stocked.class)
public interface DemandHistoryDao {
    /** One request: the units a reservation asked the position for, and when. */
    record Request(long depotId, long partId, Instant at, int quantity) {
    }

    /** Repair orders a depot opened in the window. */
    record Opened(long depotId, long orders) {
    }

    /** A position of a depot with its current target level. */
    record Stocked(long depotId, long partId, int targetLevel) {
    }

    @SqlQuery("""
            SELECT depot_id, part_id, created_at AS at, quantity FROM reservations
             WHERE depot_id IN (<depots>) AND status IN ('HELD', 'BACKORDERED', 'ISSUED')
               AND created_at >= :from AND created_at < :to
            """)
    List<Request> requests(@BindList("depots") Collection<Long> depotIds, @Bind("from") Instant from,
            @Bind("to") Instant to);

    /** The requests of one position (by its depot and part, through the position's index). */
    @SqlQuery("""
            SELECT r.depot_id, r.part_id, r.created_at AS at, r.quantity FROM reservations r
              JOIN positions p ON p.id = r.position_id
             WHERE p.depot_id = :depotId AND p.part_id = :partId AND r.status IN ('HELD', 'BACKORDERED', 'ISSUED')
               AND r.created_at >= :from AND r.created_at < :to
            """)
    List<Request> requestsOf(@Bind("depotId") long depotId, @Bind("partId") long partId, @Bind("from") Instant from,
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
