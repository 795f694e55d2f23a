package org.spares.db;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.spares.domain.PolicyChange;

/** The audit tables: state changes of transfers, reservations and repair orders, and policy history. */
public interface AuditDao {
    NamedSql STATE_CHANGE = NamedSql.of("""
            INSERT INTO state_changes (entity, entity_id, from_status, to_status, at, actor_id, actor_name, request_id,
                                       note)
            VALUES (:entity, :entityId, :from, :to, :at, :actorId, :actorName, :requestId, :note)
            """);

    /**
     * Records a state change; {@code from} is null for a creation. Every status change writes one, reservations on
     * the hot path among them, so it runs as plain JDBC ({@link NamedSql}).
     */
    static void stateChange(Handle handle, String entity, long entityId, Enum<?> from, Enum<?> to, Instant at,
            long actorId, String actorName, String requestId, String note) {
        STATE_CHANGE.update(handle, "entity", entity, "entityId", entityId, "from", from, "to", to, "at", at,
                "actorId", actorId, "actorName", actorName, "requestId", requestId, "note", note);
    }

    @SqlUpdate("""
            INSERT INTO policy_history (depot_id, part_id, at, actor_id, actor_name, request_id, old_target_level,
                   new_target_level, old_reorder_point, new_reorder_point, reason, source, optimization_id)
            VALUES (:depotId, :partId, :at, :actorId, :actorName, :requestId, :oldTarget, :newTarget, :oldReorder,
                    :newReorder, :reason, :source, :optimizationId)
            """)
    void policyChange(@Bind("depotId") long depotId, @Bind("partId") long partId, @Bind("at") Instant at,
            @Bind("actorId") long actorId, @Bind("actorName") String actorName, @Bind("requestId") String requestId,
            @Bind("oldTarget") int oldTarget, @Bind("newTarget") int newTarget, @Bind("oldReorder") int oldReorder,
            @Bind("newReorder") int newReorder, @Bind("reason") String reason, @Bind("source") String source,
            @Bind("optimizationId") Long optimizationId);

    @SqlQuery("""
            SELECT h.id, d.code AS depot, pt.sku, h.at, h.actor_id, h.actor_name AS actor, h.old_target_level,
                   h.new_target_level, h.old_reorder_point, h.new_reorder_point, h.reason, h.source, h.optimization_id
              FROM policy_history h JOIN depots d ON d.id = h.depot_id JOIN parts pt ON pt.id = h.part_id
             WHERE d.code = :depot AND pt.sku = :sku AND h.id > :after
             ORDER BY h.id LIMIT :limit
            """)
    @RegisterConstructorMapper(PolicyChange.class)
    List<PolicyChange> policyHistory(@Bind("depot") String depot, @Bind("sku") String sku, @Bind("after") long after,
            @Bind("limit") int limit);
}
