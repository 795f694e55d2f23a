package org.spares.optimize;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.spares.api.Outcome;

/**
 * The exact phase over one-row scopes (each depot's wait row, or a single system-wide row), run in parallel on the
 * machine's cores. A target gap becomes an absolute allowance for the whole plan, shared out so that scopes whose
 * heuristic plan is already that close to their LP bound need no search at all.
 */
final class ExactPhase {
    private final UnitProblem problem;
    private final KnapsackCore solver;
    private final Lagrangian.Evaluation evaluation;
    private final SolverLimits limits;

    ExactPhase(UnitProblem problem, Lagrangian lagrangian, Lagrangian.Evaluation evaluation, SolverLimits limits) {
        this.problem = problem;
        this.solver = new KnapsackCore(problem, lagrangian);
        this.evaluation = evaluation;
        this.limits = limits;
    }

    /** One scope: its positions, its row's requirement, its incumbent value and LP bound. */
    record Scope(int[] positions, double requirement, double incumbentValue, double bound) {
        double gap() {
            return Math.max(0.0, incumbentValue - bound);
        }
    }

    /**
     * Improves {@code levels} in place, scope by scope, and returns the sum of the scopes' proven lower bounds.
     *
     * @param offset what the plan's objective adds to the scopes' (sum of mu for MIN_BACKORDERS), for the gap
     */
    double run(List<Scope> scopes, int[] levels, double offset, long deadlineNanos, ProgressListener progress) {
        double bounds = scopes.stream().mapToDouble(Scope::bound).sum();
        double budget = limits.acceptsGap() ? 0.95 * limits.targetGap() * Math.max(0.0, offset + bounds) : 0.0;
        double[] allowances = allocate(scopes, budget);
        Integer[] order = IntStream.range(0, scopes.size()).boxed()
                .sorted(Comparator.comparingDouble((Integer index) -> -scopes.get(index).gap()))
                .toArray(Integer[]::new);
        int threads = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), scopes.size()));
        AtomicInteger waiting = new AtomicInteger(scopes.size());
        ExecutorService pool = Executors.newFixedThreadPool(threads,
                runnable -> daemon(new Thread(runnable, "stock-exact")));
        try {
            List<Future<KnapsackCore.Outcome>> futures = new ArrayList<>();
            for (Integer index : order) {
                Scope scope = scopes.get(index);
                futures.add(pool.submit(() -> solveOne(scope, levels, allowances[index], deadlineNanos, threads,
                        waiting)));
            }
            return collect(scopes, order, futures, levels, progress);
        } finally {
            pool.shutdownNow();
        }
    }

    private double collect(List<Scope> scopes, Integer[] order, List<Future<KnapsackCore.Outcome>> futures,
            int[] levels, ProgressListener progress) {
        double lowerBound = 0.0;
        for (int done = 0; done < futures.size(); done++) {
            KnapsackCore.Outcome outcome = await(futures.get(done));
            int[] positions = scopes.get(order[done]).positions();
            for (int index = 0; index < positions.length; index++) {
                levels[positions[index]] = outcome.levels()[index];
            }
            lowerBound += outcome.lowerBound();
            progress.progress(0.4 + 0.55 * (done + 1) / futures.size(), "exact " + (done + 1) + "/" + futures.size());
        }
        if (limits.stopRequested()) {
            throw new SolveCancelledException();
        }
        return lowerBound;
    }

    private KnapsackCore.Outcome solveOne(Scope scope, int[] levels, double allowance, long deadlineNanos,
            int threads, AtomicInteger waiting) {
        // a fair share of what is left: the scopes not yet started split the remaining time over the threads
        long now = System.nanoTime();
        long left = Math.max(0L, deadlineNanos - now);
        int remaining = Math.max(1, waiting.getAndDecrement());
        long share = left / Math.max(1, (remaining + threads - 1) / threads);
        KnapsackCore.Task task = new KnapsackCore.Task(scope.positions(), scope.requirement(), levels,
                scope.incumbentValue(), scope.bound(), evaluation, allowance, now + share, limits.cancelled());
        return solver.improve(task);
    }

    private static KnapsackCore.Outcome await(Future<KnapsackCore.Outcome> future) {
        try {
            return future.get();
        } catch (InterruptedException exception) {
            Thread.currentThread().interrupt();
            throw new SolveCancelledException();
        } catch (ExecutionException exception) {
            if (exception.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(exception.getCause());
        }
    }

    /**
     * Water-filling: scopes whose own gap fits an equal share take just that, and the rest share what is left, so
     * the allowances sum to at most the budget.
     */
    static double[] allocate(List<Scope> scopes, double budget) {
        double[] allowances = new double[scopes.size()];
        if (budget <= 0.0) {
            return allowances;
        }
        Integer[] byGap = IntStream.range(0, scopes.size()).boxed()
                .sorted(Comparator.comparingDouble((Integer index) -> scopes.get(index).gap()))
                .toArray(Integer[]::new);
        double left = budget;
        for (int rank = 0; rank < byGap.length; rank++) {
            double share = left / (byGap.length - rank);
            double gap = scopes.get(byGap[rank]).gap();
            allowances[byGap[rank]] = Math.min(gap, share);
            left -= allowances[byGap[rank]];
        }
        return allowances;
    }

    private static Thread daemon(Thread thread) {
        thread.setDaemon(true);
        return thread;
    }
}
