package org.spares.db;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.customizer.Define;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.spares.domain.CostTime;
import org.spares.domain.ListOrder;
import org.spares.domain.Movement;

/** The append-only ledger: rows are inserted, never updated or deleted. */
@RegisterConstructorMapper(Movement.class)
public interface LedgerDao {
    String VIEW = """
            SELECT l.id, l.at, l.type, d.code AS depot, pt.sku, l.quantity, l.unit_cost, l.average_unit_cost_after,
                   l.on_hand_after, l.actor_id, l.actor_name AS actor, l.request_id, l.reference, l.reason,
                   l.transfer_id, l.reservation_id
              FROM ledger l JOIN depots d ON d.id = l.depot_id JOIN parts pt ON pt.id = l.part_id
            """;

    @SqlUpdate("""
            INSERT INTO ledger (at, type, depot_id, part_id, quantity, unit_cost, average_unit_cost_after,
                                on_hand_after, actor_id, actor_name, request_id, reference, reason, transfer_id,
                                reservation_id, cost_time_micros, unit_micros, value_micros, last_issue_at)
            VALUES (:at, :type, :depotId, :partId, :quantity, :unitCost, :averageAfter, :onHandAfter, :actorId,
                    :actorName, :requestId, :reference, :reason, :transferId, :reservationId, :costTimeMicros,
                    :unitMicros, :valueMicros, :lastIssueAt)
            """)
    @GetGeneratedKeys("id")
    long insert(@Bind("at") Instant at, @Bind("type") String type, @Bind("depotId") long depotId,
            @Bind("partId") long partId, @Bind("quantity") int quantity, @Bind("unitCost") BigDecimal unitCost,
            @Bind("averageAfter") BigDecimal averageAfter, @Bind("onHandAfter") int onHandAfter,
            @Bind("actorId") long actorId, @Bind("actorName") String actorName, @Bind("requestId") String requestId,
            @Bind("reference") String reference, @Bind("reason") String reason, @Bind("transferId") Long transferId,
            @Bind("reservationId") Long reservationId, @Bind("costTimeMicros") BigDecimal costTimeMicros,
            @Bind("unitMicros") BigDecimal unitMicros, @Bind("valueMicros") BigDecimal valueMicros,
            @Bind("lastIssueAt") Instant lastIssueAt);

    /** The part's newest row as a cost-time anchor (read under the part lock, so it is the previous row). */
    @SqlQuery("""
            SELECT at, average_unit_cost_after AS average_after, cost_time_micros FROM ledger
             WHERE part_id = :partId ORDER BY id DESC LIMIT 1
            """)
    @RegisterConstructorMapper(CostTime.Anchor.class)
    Optional<CostTime.Anchor> lastOfPart(@Bind("partId") long partId);

    @SqlQuery(VIEW + " WHERE l.id = :id")
    Optional<Movement> find(@Bind("id") long id);

    /** The fields a list of ledger rows may be sorted by, besides id. */
    Map<String, Keyset.Column> SORTS = Map.of("at", Keyset.instant("l.at"), "quantity", Keyset.number("l.quantity"));

    default List<Movement> page(ListOrder page, int limit, String depot, String sku, String type, Instant from,
            Instant to, boolean allDepots, Collection<String> depots) {
        return page(Keyset.where(page, "l.id", SORTS), Keyset.orderBy(page, "l.id", SORTS), page, limit, depot, sku,
                type, from, to, allDepots, depots);
    }

    @SqlQuery(VIEW + """
             WHERE <after>
               AND (:depot IS NULL OR d.code = :depot)
               AND (:sku IS NULL OR pt.sku = :sku)
               AND (:type IS NULL OR l.type = :type)
               AND (:from IS NULL OR l.at >= :from)
               AND (:to IS NULL OR l.at < :to)
               AND (:allDepots = TRUE OR d.code IN (<depots>))
             ORDER BY <orderBy> LIMIT :limit
            """)
    List<Movement> page(@Define("after") String after, @Define("orderBy") String orderBy,
            @BindMethods("page") ListOrder page, @Bind("limit") int limit, @Bind("depot") String depot,
            @Bind("sku") String sku, @Bind("type") String type, @Bind("from") Instant from, @Bind("to") Instant to,
            @Bind("allDepots") boolean allDepots, @BindList("depots") Collection<String> depots);
}
