package org.spares.service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spares.db.OptimizationDao;
import org.spares.db.RecommendationDao;
import org.spares.domain.DomainException;
import org.spares.domain.Optimization;
import org.spares.domain.OptimizationStatus;
import org.spares.optimize.OptimizeRequest;
import org.spares.optimize.Optimizer;
import org.spares.optimize.Plan;
import org.spares.optimize.ProgressListener;
import org.spares.optimize.SolveCancelledException;
import org.spares.optimize.SolverLimits;

/**
 * Runs one optimization: QUEUED to RUNNING with a snapshot read in one short read, the solve outside any
 * transaction, then the results and SUCCEEDED in one transaction. A cancel is seen through an in-memory flag set
 * by this process's cancel endpoint and through the progress writes, which stop matching once the stored run is no
 * longer RUNNING (a cancel from anywhere).
 */
public final class OptimizationRunner {
    /** How a run ended, from this runner's point of view. */
    public enum Result { SUCCEEDED, FAILED, CANCELLED, NOT_QUEUED }

    private static final Logger LOG = LoggerFactory.getLogger(OptimizationRunner.class);
    private static final long PROGRESS_EVERY_NANOS = 200_000_000L;

    private final Transactions transactions;
    private final Clock clock;
    private final long timeLimitMillis;
    private final int bucketDays;
    private final BusinessMetrics metrics;
    private final Map<Long, AtomicBoolean> cancelled = new ConcurrentHashMap<>();

    /** @param bucketDays the forecast's bucket (config {@code forecast.bucket}) */
    public OptimizationRunner(Transactions transactions, Clock clock, long timeLimitMillis, int bucketDays) {
        this(transactions, clock, timeLimitMillis, bucketDays, BusinessMetrics.unregistered());
    }

    /** @param metrics counts runs by outcome and times their solves */
    public OptimizationRunner(Transactions transactions, Clock clock, long timeLimitMillis, int bucketDays,
            BusinessMetrics metrics) {
        this.transactions = transactions;
        this.clock = clock;
        this.timeLimitMillis = timeLimitMillis;
        this.bucketDays = bucketDays;
        this.metrics = metrics;
    }

    /** 400 VALIDATION_FAILED naming {@code historyDays} when it would not fill one forecast bucket. */
    public void checkHistory(int historyDays) {
        DemandWindow.check(historyDays, bucketDays);
    }

    /**
     * The runs queued or running whose owner is none of the live instances: their worker is gone (a crash, a stop),
     * so nothing will finish them.
     */
    public List<Long> orphans(Set<String> liveInstances) {
        return transactions.read(handle -> handle.attach(OptimizationDao.class).active()).stream()
                .filter(run -> run.ownerInstance() == null || !liveInstances.contains(run.ownerInstance()))
                .map(OptimizationDao.ActiveRun::id)
                .toList();
    }

    public Result run(long id) {
        try {
            Optional<OptimizationSnapshot> snapshot = start(id);
            Result result = snapshot.isEmpty() ? Result.NOT_QUEUED : solveAndRecord(id, snapshot.get());
            metrics.optimizationEnded(result);
            return result;
        } finally {
            cancelled.remove(id);
        }
    }

    /**
     * QUEUED to RUNNING, then the snapshot, and the model built from it stored with the run; empty when the run was
     * no longer QUEUED (cancelled meanwhile).
     */
    public Optional<OptimizationSnapshot> start(long id) {
        boolean started = transactions.inTransaction(handle -> handle.attach(OptimizationDao.class)
                .start(id, clock.instant()) == 1);
        if (!started) {
            return Optional.empty();
        }
        try {
            Optimization run = transactions.read(handle -> handle.attach(OptimizationDao.class).find(id))
                    .orElseThrow().optimization();
            OptimizationSnapshot snapshot = OptimizationSnapshot.read(transactions, run, bucketDays);
            // The planner is a pure function of the snapshot, so this is the very model the solve below gets.
            String model = ModelJson.write(OptimizationPlanner.request(snapshot));
            transactions.inTransaction(handle -> handle.attach(OptimizationDao.class).storeModel(id, model,
                    new BigDecimal("0.1")));
            return Optional.of(snapshot);
        } catch (RuntimeException failure) {
            failed(id, failure);
            return Optional.empty();
        }
    }

    /** Solves (outside any transaction) and records the outcome. */
    public Result solveAndRecord(long id, OptimizationSnapshot snapshot) {
        AtomicBoolean flag = cancelled.computeIfAbsent(id, ignored -> new AtomicBoolean());
        try {
            OptimizeRequest model = OptimizationPlanner.request(snapshot);
            Plan plan = OptimizationPlanner.hasDemand(snapshot) ? Optimizer.solve(model,
                    new SolverLimits(timeLimitMillis, flag::get), progress(id, flag, 0.1, 0.8)) : null;
            if (plan != null) {
                metrics.solved(plan.solveMillis());
            }
            OptimizationPlanner.Results results = OptimizationPlanner.results(snapshot, plan);
            ProgressListener simulating = progress(id, flag, 0.9, 0.1);
            String simulation = ModelJson.write(RunSimulation.of(snapshot, model, results.recommendations(),
                    id, simulating));
            boolean recorded = transactions.inTransaction(handle -> record(handle, id, plan, results, simulation));
            return recorded ? Result.SUCCEEDED : Result.CANCELLED;
        } catch (SolveCancelledException stopped) {
            if (flag.get()) {
                end(id, OptimizationStatus.CANCELLED, null, null);
                return Result.CANCELLED;
            }
            end(id, OptimizationStatus.FAILED, "INTERRUPTED", "the service stopped while this run was running;"
                    + " start it again");
            return Result.FAILED;
        } catch (RuntimeException failure) {
            failed(id, failure);
            return Result.FAILED;
        }
    }

    /** Marks the run to stop; the solver polls the flag between its steps. */
    public void requestCancel(long id) {
        cancelled.computeIfAbsent(id, ignored -> new AtomicBoolean()).set(true);
    }

    /** Ends a QUEUED or RUNNING run as FAILED or CANCELLED and frees its depots; false when it had ended. */
    public boolean end(long id, OptimizationStatus status, String errorCode, String error) {
        return transactions.inTransaction(handle -> {
            OptimizationDao runs = handle.attach(OptimizationDao.class);
            if (runs.end(id, status, clock.instant(), errorCode, error) != 1) {
                return false;
            }
            runs.releaseLocks(id);
            return true;
        });
    }

    private void failed(long id, RuntimeException failure) {
        if (failure instanceof DomainException known) {
            end(id, OptimizationStatus.FAILED, known.code().name(), known.getMessage());
            return;
        }
        String errorId = UUID.randomUUID().toString();
        LOG.error("optimization {} failed unexpectedly (errorId {})", id, errorId, failure);
        end(id, OptimizationStatus.FAILED, "INTERNAL_ERROR", "the run failed unexpectedly (errorId " + errorId + ")");
    }

    private boolean record(Handle handle, long id, Plan plan, OptimizationPlanner.Results results,
            String simulation) {
        OptimizationDao runs = handle.attach(OptimizationDao.class);
        if (runs.succeed(id, clock.instant(), plan == null ? "OPTIMAL" : plan.status().name(),
                plan == null ? 0.0 : plan.gap(), plan == null ? 0L : plan.solveMillis(),
                results.currentAnnualHoldingCost(), results.recommendedAnnualHoldingCost(), simulation) != 1) {
            return false;
        }
        runs.releaseLocks(id);
        RecommendationDao recommendations = handle.attach(RecommendationDao.class);
        recommendations.insertDepots(id, results.depots());
        if (!results.recommendations().isEmpty()) {
            recommendations.insertRecommendations(id, results.recommendations());
        }
        return true;
    }

    /**
     * Progress from {@code start} over {@code span} (the solve 0.1 to 0.9, the simulation 0.9 to 1), written at most
     * every 200 ms (and always the first time).
     */
    private ProgressListener progress(long id, AtomicBoolean flag, double start, double span) {
        long[] last = {0L};
        return (fraction, phase) -> {
            long now = System.nanoTime();
            if (last[0] != 0L && now - last[0] < PROGRESS_EVERY_NANOS) {
                return;
            }
            last[0] = now;
            if (!writeProgress(id, start + span * fraction)) {
                flag.set(true);
            }
        };
    }

    /** False when the run is no longer RUNNING. */
    private boolean writeProgress(long id, double fraction) {
        BigDecimal progress = BigDecimal.valueOf(fraction).setScale(4, RoundingMode.HALF_UP);
        return transactions.inTransaction(handle -> handle.attach(OptimizationDao.class).progress(id, progress)) == 1;
    }
}
