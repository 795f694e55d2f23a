package org.spares.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.jdbi.v3.core.Handle;
import org.spares.auth.Caller;
import org.spares.db.OptimizationDao;
import org.spares.db.PositionDao;
import org.spares.db.RecommendationDao;
import org.spares.db.RecommendationDao.Recommendation;
import org.spares.db.SqlErrors;
import org.spares.domain.Actor;
import org.spares.domain.Depot;
import org.spares.domain.DomainException;
import org.spares.domain.ErrorCode;
import org.spares.domain.Optimization;
import org.spares.domain.OptimizationStatus;
import org.spares.domain.PolicySource;
import org.spares.domain.Position;
import org.spares.optimize.OptimizeRequest;

/**
 * Optimization runs as the API sees them: create (QUEUED, holding each of its depots, so one run per depot at a
 * time), cancel, and apply a succeeded run's levels through the policy path. Solving is the runner's, outside.
 */
public final class OptimizationService {
    private static final int MAX_REASON = 500;

    private final PolicyService policies;
    private final Clock clock;

    public OptimizationService(PolicyService policies, Clock clock) {
        this.policies = policies;
        this.clock = clock;
    }

    /** @throws DomainException CONFLICT naming the depot and the run that holds it */
    public Optimization create(Handle handle, Actor actor, List<String> depotCodes, int historyDays) {
        List<String> codes = List.copyOf(new TreeSet<>(depotCodes));
        List<Depot> depots = codes.stream().map(code -> DepotService.get(handle, code)).toList();
        Instant now = clock.instant();
        OptimizationDao runs = handle.attach(OptimizationDao.class);
        long id = runs.insert(String.join(",", codes), historyDays, now.minus(Duration.ofDays(historyDays)), now, now,
                actor.userId(), actor.name());
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

    /** QUEUED or RUNNING to CANCELLED; the caller must have every depot of the run. */
    public Optimization cancel(Handle handle, Caller caller, long id) {
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
    public Optimization apply(Handle handle, Actor actor, Caller caller, long id, List<String> depotCodes) {
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

    private void applyOne(Handle handle, Actor actor, long id, Recommendation recommendation) {
        int level = recommendation.recommendedTargetLevel();
        int reorderPoint = Math.max(0, level - 1);
        Position current = handle.attach(PositionDao.class).find(recommendation.depot(), recommendation.sku())
                .orElse(null);
        if (current != null && current.targetLevel() == level && current.reorderPoint() == reorderPoint) {
            return;
        }
        String reason = "optimization " + id + ": " + recommendation.reason();
        policies.set(handle, actor, recommendation.depot(), recommendation.sku(), level, reorderPoint,
                reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON) : reason, PolicySource.OPTIMIZATION, id);
    }

    public static Optimization get(Handle handle, long id) {
        return handle.attach(OptimizationDao.class).find(id).map(OptimizationDao.Row::optimization)
                .orElseThrow(() -> DomainException.notFound("optimization", id));
    }

    /** 404 unless the caller sees at least one of the run's depots, so others' runs do not leak. */
    public static Optimization visible(Handle handle, Caller caller, long id) {
        Optimization run = get(handle, id);
        if (run.depots().stream().noneMatch(caller::canSee)) {
            throw DomainException.notFound("optimization", id);
        }
        return run;
    }

    /**
     * The request body the run solved, cut to the caller's depots (the whole model for a caller who sees all of
     * them). Depots are solved independently in a run's model, so the part re-solves to the same levels.
     *
     * @throws DomainException 404 as {@link #visible}; 409 ILLEGAL_STATE while the run has no model (QUEUED, or
     *         ended before it started)
     */
    public static OptimizeRequest model(Handle handle, Caller caller, long id) {
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
