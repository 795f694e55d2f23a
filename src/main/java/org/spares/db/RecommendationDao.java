package org.spares.db;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.spares.domain.DepotResult;
import org.spares.domain.Recommendation;

/** What a succeeded optimization run recommends: one row per position, one summary per depot. */
@RegisterConstructorMapper(Recommendation.class)
@RegisterConstructorMapper(DepotResult.class)
public interface RecommendationDao {
    String RECOMMENDATION = """
            SELECT r.id, r.depot_id, r.part_id, d.code AS depot, pt.sku, r.demand_per_day, r.variance_to_mean_ratio,
                   r.lead_time_days, r.current_target_level, r.recommended_target_level, r.expected_backorders,
                   r.fill_rate, r.annual_holding_cost_delta, r.reason
              FROM optimization_recommendations r JOIN depots d ON d.id = r.depot_id JOIN parts pt ON pt.id = r.part_id
            """;

    @SqlBatch("""
            INSERT INTO optimization_recommendations (optimization_id, depot_id, part_id, demand_per_day,
                   variance_to_mean_ratio, lead_time_days, current_target_level, recommended_target_level,
                   expected_backorders, fill_rate, annual_holding_cost_delta, reason)
            VALUES (:optimizationId, :depotId, :partId, :demandPerDay, :varianceToMeanRatio, :leadTimeDays,
                    :currentTargetLevel, :recommendedTargetLevel, :expectedBackorders, :fillRate,
                    :annualHoldingCostDelta, :reason)
            """)
    void insertRecommendations(@Bind("optimizationId") long optimizationId,
            @BindMethods List<Recommendation> recommendations);

    @SqlBatch("""
            INSERT INTO optimization_depots (optimization_id, depot_id, repair_orders_per_day, max_parts_wait_hours,
                   min_fill_rate, positions, positions_with_demand, current_stock_units, recommended_stock_units,
                   current_annual_holding_cost, recommended_annual_holding_cost, expected_backorders,
                   parts_wait_hours, fill_rate)
            VALUES (:optimizationId, :depotId, :repairOrdersPerDay, :maxPartsWaitHours, :minFillRate, :positions,
                    :positionsWithDemand, :currentStockUnits, :recommendedStockUnits, :currentAnnualHoldingCost,
                    :recommendedAnnualHoldingCost, :expectedBackorders, :partsWaitHours, :fillRate)
            """)
    void insertDepots(@Bind("optimizationId") long optimizationId, @BindMethods List<DepotResult> depots);

    @SqlQuery("""
            SELECT o.depot_id, d.code AS depot, o.repair_orders_per_day, o.max_parts_wait_hours, o.min_fill_rate,
                   o.positions, o.positions_with_demand, o.current_stock_units, o.recommended_stock_units,
                   o.current_annual_holding_cost, o.recommended_annual_holding_cost, o.expected_backorders,
                   o.parts_wait_hours, o.fill_rate, o.applied_at, o.applied_by_name
              FROM optimization_depots o JOIN depots d ON d.id = o.depot_id
             WHERE o.optimization_id = :id ORDER BY d.code
            """)
    List<DepotResult> depots(@Bind("id") long optimizationId);

    @SqlQuery(RECOMMENDATION + """
             WHERE r.optimization_id = :id AND r.id > :after
               AND (:depot IS NULL OR d.code = :depot)
               AND (:allDepots = TRUE OR d.code IN (<depots>))
             ORDER BY r.id LIMIT :limit
            """)
    List<Recommendation> page(@Bind("id") long optimizationId, @Bind("after") long after, @Bind("limit") int limit,
            @Bind("depot") String depot, @Bind("allDepots") boolean allDepots,
            @BindList("depots") Collection<String> depots);

    @SqlQuery(RECOMMENDATION + " WHERE r.optimization_id = :id AND d.code = :depot ORDER BY r.id")
    List<Recommendation> forDepot(@Bind("id") long optimizationId, @Bind("depot") String depot);

    @SqlUpdate("""
            UPDATE optimization_depots SET applied_at = :at, applied_by_name = :name
             WHERE optimization_id = :id AND depot_id = :depotId
            """)
    int markApplied(@Bind("id") long optimizationId, @Bind("depotId") long depotId, @Bind("at") Instant at,
            @Bind("name") String name);
}
