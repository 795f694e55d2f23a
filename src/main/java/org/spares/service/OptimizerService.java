package org.spares.service;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.spares.domain.DomainException;
import org.spares.domain.ErrorCode;
import org.spares.optimize.FrontierAnswer;
import org.spares.optimize.FrontierRequest;
import org.spares.optimize.OptimizeRequest;
import org.spares.optimize.Optimizer;
import org.spares.optimize.Plan;
import org.spares.optimize.ProgressListener;
import org.spares.optimize.SolverLimits;
import org.spares.optimize.StockLevelInput;
import org.spares.simulate.PlanSimulation;
import org.spares.simulate.PlanSimulator;
import org.spares.simulate.SimulationSettings;

/**
 * The optimizer (and the simulation that checks its plans) on a model sent by the caller: stateless, never inside a
 * transaction, and at most {@code concurrentSolves} at once, since a solve can take the time limit's worth of a core.
 */
public final class OptimizerService {
    private final Transactions transactions;
    private final long timeLimitMillis;
    private final Semaphore solves;

    public OptimizerService(Transactions transactions, long timeLimitMillis, int concurrentSolves) {
        this.transactions = transactions;
        this.timeLimitMillis = timeLimitMillis;
        this.solves = new Semaphore(concurrentSolves);
    }

    /** The plan; 422 VALIDATION_FAILED naming the field; 422 INFEASIBLE naming the depot and target. */
    public Plan solve(OptimizeRequest request, Idempotency<Plan> once) {
        return transactions.outside(once, () -> limited(() -> Optimizer.solve(request, limits(),
                ProgressListener.NONE)));
    }

    /** The cost-versus-service points, cheapest first. */
    public FrontierAnswer frontier(FrontierRequest request, Idempotency<FrontierAnswer> once) {
        return transactions.outside(once, () -> limited(() -> Optimizer.frontier(request, limits(),
                ProgressListener.NONE)));
    }

    /**
     * The plan (the given levels, or the optimal plan when {@code levels} is null) simulated next to the model's
     * predictions; 422 VALIDATION_FAILED naming the field; 422 INFEASIBLE when solving finds no plan. Counted
     * against the same concurrency limit as solves: a simulation is CPU-bound too.
     */
    public PlanSimulation simulate(OptimizeRequest request, List<StockLevelInput> levels,
            Supplier<SimulationSettings> settings, Idempotency<PlanSimulation> once) {
        return transactions.outside(once, () -> limited(() -> PlanSimulator.simulate(request, levels, settings.get(),
                limits(), ProgressListener.NONE)));
    }

    private SolverLimits limits() {
        return new SolverLimits(timeLimitMillis, () -> false);
    }

    private <T> T limited(Supplier<T> solve) {
        try {
            if (!solves.tryAcquire(1, TimeUnit.SECONDS)) {
                throw new DomainException(ErrorCode.UNAVAILABLE, "the optimizer is busy; retry shortly",
                        Map.of("retryable", true));
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new DomainException(ErrorCode.UNAVAILABLE, "interrupted", Map.of("retryable", true));
        }
        try {
            return solve.get();
        } finally {
            solves.release();
        }
    }
}
