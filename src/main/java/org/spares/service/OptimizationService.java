package org.spares.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jdbi.v3.core.Handle;
import org.spares.db.OptimizationDao;
import org.spares.db.PositionDao;
import org.spares.db.RecommendationDao;
import org.spares.db.SqlErrors;
import org.spares.domain.Actor;
import org.spares.domain.Caller;
import org.spares.domain.Depot;
import org.spares.domain.DepotResult;
import org.spares.domain.DomainException;
import org.spares.domain.ErrorCode;
import org.spares.domain.Optimization;
import org.spares.domain.OptimizationStatus;
import org.spares.domain.PolicySource;
import org.spares.domain.Position;
import org.spares.domain.Recommendation;
import org.spares.optimize.OptimizeRequest;

/**
 * Optimization runs as the API sees them: create (QUEUED, holding each of its depots, so one run per depot at a
 * time), cancel, and apply a succeeded run's levels through the policy path. Solving is the runner's, outside.
 */
public final class OptimizationService {
    /** Where a new run goes once its row is committed: the worker that solves runs. */
    @FunctionalInterface
    public interface RunQueue {
        void submit(long id);
    }

    /**
     * A run as one caller sees it: the run's depots that are the caller's, and once SUCCEEDED the results of those
     * depots (null before).
     */
    public record Seen(Optimization run, List<String> depots, List<DepotResult> results) {
    }

    /** Which runs a list shows; null fields do not filter. */
    public record Filter(String depot, OptimizationStatus status) {
    }

    private static final int MAX_REASON = 500;

    private final String instance;
    private final Transactions transactions;
    private final PositionService positions;
    private final OptimizationRunner runner;
    private final RunQueue queue;
    private final Clock clock;

    /**
     * @param instance this server's id (its heartbeat's), stamped on the runs it queues: the owner whose death
     *     lets another instance fail them
     */
    public OptimizationService(Transactions transactions, PositionService positions, OptimizationRunner runner,
            RunQueue queue, Clock clock, String instance) {
        this.instance = instance;
        this.transactions = transactions;
        this.positions = positions;
        this.runner = runner;
        this.queue = queue;
        this.clock = clock;
    }

    /**
     * QUEUED, and handed to the worker once committed (a replay queues nothing). 403 for a depot outside the
     * caller's; 404 for an unknown depot; 409 CONFLICT when one of the depots already has a run queued or running;
     * 400 when the history is shorter than one forecast bucket.
     */
    public Seen start(Actor actor, Caller caller, List<String> depotCodes, int historyDays, Idempotency<Seen> once) {
        runner.checkHistory(historyDays);
        caller.requireDepots(depotCodes);
        Seen created = transactions.inTransaction(once, handle -> seen(handle, caller,
                create(handle, actor, depotCodes, historyDays)));
        queue.submit(created.run().id());
        return created;
    }

    /** QUEUED or RUNNING to CANCELLED (the solver stops at its next step); 409 ILLEGAL_STATE once it has ended. */
    public Seen cancel(Caller caller, long id, Idempotency<Seen> once) {
        Seen cancelled;
        try {
            cancelled = transactions.inTransaction(once, handle -> seen(handle, caller, cancel(handle, caller, id)));
        } catch (Idempotency.Replayed replayed) {
            // A retry may reach another instance, the one solving the run: it is told too.
            runner.requestCancel(id);
            throw replayed;
        }
        runner.requestCancel(id);
        return cancelled;
    }

    /**
     * Sets each recommended level of the depots (all of the run's when null) as policy source OPTIMIZATION; 409
     * ILLEGAL_STATE unless SUCCEEDED; 422 for a depot not in the run.
     */
    public Seen apply(Actor actor, Caller caller, long id, List<String> depotCodes, Idempotency<Seen> once) {
        return transactions.inTransaction(once, handle -> seen(handle, caller, apply(handle, actor, caller, id,
                depotCodes)));
    }

    /** One recommendation of a run: a position by depot and sku. */
    public record Line(String depot, String sku) {
    }

    /**
     * Sets the recommended levels of the chosen lines only, as {@link #apply} does for whole depots; the depots are
     * not marked applied (the rest of their lines are not). 422 for a line the run did not recommend; 403 for a
     * depot outside the caller's; 409 ILLEGAL_STATE unless SUCCEEDED.
     */
    public Seen applyLines(Actor actor, Caller caller, long id, List<Line> lines, Idempotency<Seen> once) {
        return transactions.inTransaction(once, handle -> seen(handle, caller, applyLines(handle, actor, caller, id,
                lines)));
    }

    /** The runs the caller sees (at least one of their depots), newest first, up to {@code limit} before the id. */
    public List<Seen> page(Caller caller, Filter filter, long before, int limit) {
        ListScope scope = ListScope.of(caller, filter.depot());
        return transactions.read(handle -> handle.attach(OptimizationDao.class).page(before, limit,
                filter.status() == null ? null : filter.status().name(), filter.depot(), scope.allDepots(),
                scope.depots()).stream().map(row -> seen(handle, caller, row.optimization())).toList());
    }

    /** 404 unless the caller sees at least one of the run's depots. */
    public Seen get(Caller caller, long id) {
        return transactions.read(handle -> seen(handle, caller, visible(handle, caller, id)));
    }

    /** The run's recommendations by position (empty until it has SUCCEEDED), up to {@code limit} after the id. */
    public List<Recommendation> recommendations(Caller caller, long id, String depot, long after, int limit) {
        return transactions.read(handle -> {
            visible(handle, caller, id);
            ListScope scope = ListScope.of(caller, depot);
            return handle.attach(RecommendationDao.class).page(id, after, limit, depot, scope.allDepots(),
                    scope.depots());
        });
    }

    /**
     * The request body the run solved, cut to the caller's depots (the whole model for a caller who sees all of
     * them). Depots are solved independently in a run's model, so the part re-solves to the same levels.
     *
     * @throws DomainException 404 as {@link #get}; 409 ILLEGAL_STATE while the run has no model (QUEUED, or ended
     *         before it started)
     */
    public OptimizeRequest model(Caller caller, long id) {
        return transactions.read(handle -> model(handle, caller, id));
    }

    /**
     * What the run's recommended and current levels would have given (docs/SIMULATION.md), cut to the caller's
     * depots; the total only for a caller who sees all of them.
     *
     * @throws DomainException 404 as {@link #get}; 409 ILLEGAL_STATE until the run has SUCCEEDED
     */
    public RunSimulation simulation(Caller caller, long id) {
        return transactions.read(handle -> simulation(handle, caller, id));
    }

    private static Seen seen(Handle handle, Caller caller, Optimization run) {
        List<String> depots = run.depots().stream().filter(caller::canSee).toList();
        if (run.status() != OptimizationStatus.SUCCEEDED) {
            return new Seen(run, depots, null);
        }
        return new Seen(run, depots, handle.attach(RecommendationDao.class).depots(run.id()).stream()
                .filter(depot -> caller.canSee(depot.depot())).toList());
    }

    /** @throws DomainException CONFLICT naming the depot and the run that holds it */
    private Optimization create(Handle handle, Actor actor, List<String> depotCodes, int historyDays) {
        List<String> codes = List.copyOf(new TreeSet<>(depotCodes));
        List<Depot> depots = codes.stream().map(code -> DepotService.get(handle, code)).toList();
        Instant now = clock.instant();
        OptimizationDao runs = handle.attach(OptimizationDao.class);
        long id = runs.insert(String.join(",", codes), historyDays, now.minus(Duration.ofDays(historyDays)), now, now,
                actor.userId(), actor.name(), instance);
        // Depots in code order, so two runs over overlapping depots never wait on each other crosswise.
        for (Depot depot : depots) {
            runs.addDepot(id, depot.id());
            try {
                runs.lockDepot(depot.id(), id);
            } catch (RuntimeException failure) {
                if (!SqlErrors.isDuplicateKey(failure)) {
                    throw failure;
                }
                Long holder = runs.lockHolder(depot.id()).orElse(null);
                throw new DomainException(ErrorCode.CONFLICT, "depot " + depot.code() + " already has an optimization"
                        + (holder == null ? "" : " (" + holder + ")") + " queued or running; cancel it or wait",
                        holder == null ? Map.of("depot", depot.code())
                                : Map.of("depot", depot.code(), "optimizationId", holder));
            }
        }
        return get(handle, id);
    }

    /** The caller must have every depot of the run. */
    private Optimization cancel(Handle handle, Caller caller, long id) {
        Optimization run = visible(handle, caller, id);
        caller.requireDepots(run.depots());
        OptimizationDao runs = handle.attach(OptimizationDao.class);
        if (runs.end(id, OptimizationStatus.CANCELLED, clock.instant(), null, null) != 1) {
            throw illegal(get(handle, id), "cancelled");
        }
        runs.releaseLocks(id);
        return get(handle, id);
    }

    /**
     * Sets every recommended level of the given depots (all of the run's when null) through the policy path, as
     * source OPTIMIZATION with this run's id; positions already at their level are left alone.
     */
    private Optimization apply(Handle handle, Actor actor, Caller caller, long id, List<String> depotCodes) {
        Optimization run = visible(handle, caller, id);
        List<String> codes = depotCodes == null ? run.depots() : List.copyOf(new TreeSet<>(depotCodes));
        for (String code : codes) {
            if (!run.depots().contains(code)) {
                throw new DomainException(ErrorCode.VALIDATION_FAILED, 422, "depot " + code
                        + " is not part of optimization " + id, Map.of("field", "depots", "depot", code));
            }
        }
        caller.requireDepots(codes);
        if (run.status() != OptimizationStatus.SUCCEEDED) {
            throw illegal(run, "applied");
        }
        RecommendationDao results = handle.attach(RecommendationDao.class);
        for (String code : codes) {
            for (Recommendation recommendation : results.forDepot(id, code)) {
                applyOne(handle, actor, id, recommendation);
            }
            results.markApplied(id, DepotService.get(handle, code).id(), clock.instant(), actor.name());
        }
        return get(handle, id);
    }

    private Optimization applyLines(Handle handle, Actor actor, Caller caller, long id, List<Line> lines) {
        Optimization run = visible(handle, caller, id);
        caller.requireDepots(lines.stream().map(Line::depot).distinct().toList());
        if (run.status() != OptimizationStatus.SUCCEEDED) {
            throw illegal(run, "applied");
        }
        RecommendationDao results = handle.attach(RecommendationDao.class);
        Map<String, List<Recommendation>> byDepot = new TreeMap<>();
        for (Line line : new LinkedHashSet<>(lines)) {
            List<Recommendation> recommended = byDepot.computeIfAbsent(line.depot(), depot ->
                    run.depots().contains(depot) ? results.forDepot(id, depot) : List.of());
            Recommendation found = recommended.stream().filter(r -> r.sku().equals(line.sku())).findFirst()
                    .orElseThrow(() -> new DomainException(ErrorCode.VALIDATION_FAILED, 422, "optimization " + id
                            + " recommends nothing for " + line.sku() + " at " + line.depot(),
                            Map.of("field", "lines", "depot", line.depot(), "sku", line.sku())));
            applyOne(handle, actor, id, found);
        }
        return get(handle, id);
    }

    private void applyOne(Handle handle, Actor actor, long id, Recommendation recommendation) {
        int level = recommendation.recommendedTargetLevel();
        int reorderPoint = Math.max(0, level - 1);
        Position current = handle.attach(PositionDao.class).find(recommendation.depot(), recommendation.sku())
                .orElse(null);
        if (current != null && current.targetLevel() == level && current.reorderPoint() == reorderPoint) {
            return;
        }
        String reason = "optimization " + id + ": " + recommendation.reason();
        positions.set(handle, actor, recommendation.depot(), recommendation.sku(), level, reorderPoint,
                reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON) : reason, PolicySource.OPTIMIZATION, id);
    }

    private static Optimization get(Handle handle, long id) {
        return handle.attach(OptimizationDao.class).find(id).map(OptimizationDao.Row::optimization)
                .orElseThrow(() -> DomainException.notFound("optimization", id));
    }

    /** 404 unless the caller sees at least one of the run's depots, so others' runs do not leak. */
    private static Optimization visible(Handle handle, Caller caller, long id) {
        Optimization run = get(handle, id);
        if (run.depots().stream().noneMatch(caller::canSee)) {
            throw DomainException.notFound("optimization", id);
        }
        return run;
    }

    private static RunSimulation simulation(Handle handle, Caller caller, long id) {
        Optimization run = visible(handle, caller, id);
        String json = handle.attach(OptimizationDao.class).simulation(id).orElseThrow(() -> new DomainException(
                ErrorCode.ILLEGAL_STATE, "optimization " + id + " is " + run.status() + " and has no simulation: it is"
                + " made when the run succeeds", Map.of("status", run.status().name())));
        return ModelJson.read(json, RunSimulation.class).visibleTo(caller::canSee);
    }

    private static OptimizeRequest model(Handle handle, Caller caller, long id) {
        Optimization run = visible(handle, caller, id);
        String json = handle.attach(OptimizationDao.class).model(id).orElseThrow(() -> new DomainException(
                ErrorCode.ILLEGAL_STATE, "optimization " + id + " is " + run.status() + " and has no model: the"
                + " model is stored when the run starts", Map.of("status", run.status().name())));
        return ModelJson.read(json).onlyDepots(caller::canSee);
    }

    private static DomainException illegal(Optimization run, String wanted) {
        return new DomainException(ErrorCode.ILLEGAL_STATE, "optimization " + run.id() + " is " + run.status()
                + " and cannot be " + wanted, Map.of("status", run.status().name()));
    }
}
