package org.spares.db;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.spares.domain.Optimization;
import org.spares.domain.OptimizationStatus;

/**
 * Optimization runs and the per-depot locks a run holds while QUEUED or RUNNING. A status moves only by a
 * conditional UPDATE from the states it may leave; the caller checks the row count.
 */
@RegisterConstructorMapper(OptimizationDao.Row.class)
public interface OptimizationDao {
    /** Every column but the model, which only its own endpoint reads. */
    String COLUMNS = """
            id, status, depots, history_days, progress, window_from, window_to, created_at, created_by,
            created_by_name, started_at, finished_at, error_code, error, plan_status, gap, solve_millis,
            current_annual_holding_cost, recommended_annual_holding_cost""";

    /** A run as stored; the depots are one comma-separated column. */
    record Row(long id, OptimizationStatus status, String depots, int historyDays, BigDecimal progress,
            Instant windowFrom, Instant windowTo, Instant createdAt, long createdBy, String createdByName,
            Instant startedAt, Instant finishedAt, String errorCode, String error, String planStatus, Double gap,
            Long solveMillis, BigDecimal currentAnnualHoldingCost, BigDecimal recommendedAnnualHoldingCost) {
        public Optimization optimization() {
            return new Optimization(id, status, Arrays.asList(depots.split(",")),
                    historyDays, progress, windowFrom, windowTo, createdAt, createdBy, createdByName, startedAt,
                    finishedAt, errorCode, error, planStatus, gap, solveMillis, currentAnnualHoldingCost,
                    recommendedAnnualHoldingCost);
        }
    }

    @SqlUpdate("""
            INSERT INTO optimizations (status, depots, history_days, progress, window_from, window_to, created_at,
                                       created_by, created_by_name, owner_instance)
            VALUES ('QUEUED', :depots, :historyDays, 0, :from, :to, :at, :actorId, :actorName, :owner)
            """)
    @GetGeneratedKeys("id")
    long insert(@Bind("depots") String depots, @Bind("historyDays") int historyDays, @Bind("from") Instant from,
            @Bind("to") Instant to, @Bind("at") Instant at, @Bind("actorId") long actorId,
            @Bind("actorName") String actorName, @Bind("owner") String ownerInstance);

    @SqlUpdate("INSERT INTO optimization_run_depots (optimization_id, depot_id) VALUES (:optimizationId, :depotId)")
    void addDepot(@Bind("optimizationId") long optimizationId, @Bind("depotId") long depotId);

    /** Takes the depot for the run; a duplicate key means another run holds it. */
    @SqlUpdate("INSERT INTO optimization_locks (depot_id, optimization_id) VALUES (:depotId, :optimizationId)")
    void lockDepot(@Bind("depotId") long depotId, @Bind("optimizationId") long optimizationId);

    @SqlQuery("SELECT optimization_id FROM optimization_locks WHERE depot_id = :depotId")
    Optional<Long> lockHolder(@Bind("depotId") long depotId);

    @SqlUpdate("DELETE FROM optimization_locks WHERE optimization_id = :id")
    int releaseLocks(@Bind("id") long id);

    @SqlQuery("SELECT " + COLUMNS + " FROM optimizations WHERE id = :id")
    Optional<Row> find(@Bind("id") long id);

    /**
     * Runs newest first, below the id {@code before}; {@code depot} filters, and unless {@code allDepots} only runs
     * with at least one of {@code depots} are listed.
     */
    @SqlQuery("SELECT " + COLUMNS + """
             FROM optimizations o
             WHERE o.id < :before
               AND (:status IS NULL OR o.status = :status)
               AND (:depot IS NULL OR EXISTS (SELECT 1 FROM optimization_run_depots r JOIN depots d ON d.id = r.depot_id
                                               WHERE r.optimization_id = o.id AND d.code = :depot))
               AND (:allDepots = TRUE OR EXISTS (SELECT 1 FROM optimization_run_depots r JOIN depots d ON d.id = r.depot_id
                                                  WHERE r.optimization_id = o.id AND d.code IN (<depots>)))
             ORDER BY o.id DESC LIMIT :limit
            """)
    List<Row> page(@Bind("before") long before, @Bind("limit") int limit, @Bind("status") String status,
            @Bind("depot") String depot, @Bind("allDepots") boolean allDepots,
            @BindList("depots") Collection<String> depots);

    /** The request body the run solved, as JSON; empty until the run has started. */
    @SqlQuery("SELECT model FROM optimizations WHERE id = :id")
    Optional<String> model(@Bind("id") long id);

    /** What the run's levels would have given, as JSON; empty until the run has SUCCEEDED. */
    @SqlQuery("SELECT simulation FROM optimizations WHERE id = :id")
    Optional<String> simulation(@Bind("id") long id);

    /** Stores the model of a run that is still RUNNING, with its first progress step. */
    @SqlUpdate("""
            UPDATE optimizations SET model = :model, progress = :progress WHERE id = :id AND status = 'RUNNING'
            """)
    int storeModel(@Bind("id") long id, @Bind("model") String model, @Bind("progress") BigDecimal progress);

    /** A run queued or running, and the instance whose worker holds it (null: none). */
    record ActiveRun(long id, String ownerInstance) {
    }

    @SqlQuery("SELECT id, owner_instance FROM optimizations WHERE status IN ('QUEUED', 'RUNNING') ORDER BY id")
    @RegisterConstructorMapper(ActiveRun.class)
    List<ActiveRun> active();

    @SqlUpdate("UPDATE optimizations SET status = 'RUNNING', started_at = :at WHERE id = :id AND status = 'QUEUED'")
    int start(@Bind("id") long id, @Bind("at") Instant at);

    /** 0 rows once the run is no longer RUNNING (cancelled): the runner's signal to stop. */
    @SqlUpdate("UPDATE optimizations SET progress = :progress WHERE id = :id AND status = 'RUNNING'")
    int progress(@Bind("id") long id, @Bind("progress") BigDecimal progress);

    @SqlUpdate("""
            UPDATE optimizations SET status = 'SUCCEEDED', progress = 1, finished_at = :at, plan_status = :planStatus,
                   gap = :gap, solve_millis = :solveMillis, current_annual_holding_cost = :current,
                   recommended_annual_holding_cost = :recommended, simulation = :simulation
             WHERE id = :id AND status = 'RUNNING'
            """)
    int succeed(@Bind("id") long id, @Bind("at") Instant at, @Bind("planStatus") String planStatus,
            @Bind("gap") Double gap, @Bind("solveMillis") Long solveMillis, @Bind("current") BigDecimal current,
            @Bind("recommended") BigDecimal recommended, @Bind("simulation") String simulation);

    /**
     * Ends a run as FAILED or CANCELLED, with the reason (null when cancelled), from whichever status its rules let
     * become {@code to} ({@link OptimizationStatus#before}); 0 rows when it had ended.
     */
    default int end(long id, OptimizationStatus to, Instant at, String errorCode, String error) {
        List<OptimizationStatus> from = OptimizationStatus.before(to);
        if (from.isEmpty()) {
            throw new IllegalArgumentException("no status may become " + to);
        }
        return end(id, from, to, at, errorCode, error);
    }

    @SqlUpdate("""
            UPDATE optimizations SET status = :to, finished_at = :at, error_code = :errorCode, error = :error
             WHERE id = :id AND status IN (<from>)
            """)
    int end(@Bind("id") long id, @BindList("from") List<OptimizationStatus> from, @Bind("to") OptimizationStatus to,
            @Bind("at") Instant at, @Bind("errorCode") String errorCode, @Bind("error") String error);
}
