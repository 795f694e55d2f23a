package org.spares.optimize;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spares.api.Outcome;
import org.spares.domain.DomainException;
import org.spares.domain.ErrorCode;

/**
 * Solves a {@link StockModel} exactly or with an honest gap: Lagrangian (LP) bound, a feasible plan from the
 * heuristics, reduced-cost fixing against it, and an exact search on the small core that is left: our own exact
 * knapsack (Pareto states with bounds) when the scope has one row (each depot, in parallel, when no system-wide
 * row couples them; or the one system-wide row), ojalgo's MIP when depot rows and a system-wide row meet.
 */
public final class StockSolver {
    private static final Logger LOG = LoggerFactory.getLogger(StockSolver.class);

    private StockSolver() {
    }

    public static Plan solve(StockModel model, SolverLimits limits, ProgressListener progress) {
        long started = System.nanoTime();
        long deadline = started + limits.timeLimitMillis() * 1_000_000L;
        progress.progress(0.0, "tables");
        UnitProblem problem = new UnitProblem(model);
        checkCancelled(limits);
        checkDeadline(limits, deadline, "tables");
        progress.progress(0.1, "bound");
        Lagrangian lagrangian = new Lagrangian(problem);
        Lagrangian.Evaluation evaluation = lagrangian.maximise(limits);
        checkCancelled(limits);
        checkDeadline(limits, deadline, "bound");
        progress.progress(0.3, "heuristic");
        PrimalHeuristic heuristic = new PrimalHeuristic(problem);
        int[] levels = problem.minimiseBackorders ? heuristic.minimumBackordersPlan()
                : heuristic.minimumCostPlan(lagrangian, evaluation);
        checkCancelled(limits);
        int[] start = levels.clone();
        double lowerBound = exact(problem, lagrangian, evaluation, levels, limits, deadline, progress);
        progress.progress(0.95, "report");
        double objectiveBound = problem.minimiseBackorders ? totalMean(problem) + lowerBound : lowerBound;
        long millis = (System.nanoTime() - started) / 1_000_000L;
        Plan plan = reportOrFallBack(problem, levels, start, objectiveBound, millis);
        progress.progress(1.0, "done");
        return plan;
    }

    /**
     * The plan is re-checked against every constraint before it is answered. Should the exact phase's plan fail
     * that check (a search cut short, or floating-point sums that land a hair over a target), the heuristic's
     * plan, feasible by construction, is answered instead, with its own honest gap against the same proven bound:
     * a worse plan is a defect of degree, a broken constraint a defect of kind. The heuristic's plan is first
     * topped up to the backorder caps as the report counts them ({@link PlanRepair}), where the search's gain form
     * rounds.
     */
    static Plan reportOrFallBack(UnitProblem problem, int[] levels, int[] start, double bound, long millis) {
        try {
            return PlanReport.report(problem, levels, bound, millis);
        } catch (IllegalStateException broken) {
            LOG.warn("exact phase answered an infeasible plan ({}); answering the heuristic plan", broken.getMessage());
            PlanRepair.meetCaps(problem, start);
            return PlanReport.report(problem, start, bound, millis);
        }
    }

    /** One-row scopes go to the knapsack search (in parallel); several coupled rows to ojalgo's MIP. */
    private static double exact(UnitProblem problem, Lagrangian lagrangian, Lagrangian.Evaluation evaluation,
            int[] levels, SolverLimits limits, long deadline, ProgressListener progress) {
        progress.progress(0.4, "exact");
        double offset = problem.minimiseBackorders ? totalMean(problem) : 0.0;
        List<ExactPhase.Scope> scopes = new ArrayList<>();
        if (!problem.hasGlobalRow()) {
            double unconstrained = 0.0;
            for (int depot = 0; depot < problem.depotPositions.length; depot++) {
                int[] scope = problem.depotPositions[depot];
                double bound = evaluation.depotValues()[depot];
                if (problem.hasDepotRow(depot)) {
                    scopes.add(new ExactPhase.Scope(scope, problem.depotRequirement[depot],
                            problem.objectiveOf(levels, scope), bound));
                } else {
                    unconstrained += bound;
                }
            }
            return unconstrained + new ExactPhase(problem, lagrangian, evaluation, limits)
                    .run(scopes, levels, offset, deadline, progress);
        }
        int[] all = problem.allPositions();
        if (!anyDepotRow(problem)) {
            double requirement = problem.minimiseBackorders ? problem.budget : problem.totalRequirement;
            scopes.add(new ExactPhase.Scope(all, requirement, problem.objectiveOf(levels, all), evaluation.value()));
            return new ExactPhase(problem, lagrangian, evaluation, limits).run(scopes, levels, offset, deadline,
                    progress);
        }
        CoreMip.Outcome outcome = new CoreMip(problem, lagrangian).improve(all, levels,
                problem.objectiveOf(levels, all), evaluation.value(), evaluation, remainingMillis(deadline));
        System.arraycopy(outcome.levels(), 0, levels, 0, levels.length);
        return outcome.lowerBound();
    }

    private static boolean anyDepotRow(UnitProblem problem) {
        for (int depot = 0; depot < problem.depotPositions.length; depot++) {
            if (problem.hasDepotRow(depot)) {
                return true;
            }
        }
        return false;
    }

    private static double totalMean(UnitProblem problem) {
        double sum = 0.0;
        for (int position = 0; position < problem.tables.size(); position++) {
            sum += problem.tables.zeroStockBackorders(position);
        }
        return sum;
    }

    private static long remainingMillis(long deadline) {
        return Math.max(50L, (deadline - System.nanoTime()) / 1_000_000L);
    }

    /**
     * Before the heuristic there is no plan to answer, so a time limit passed by then is 503 naming the limit: the
     * limit is a promise to the caller, and a model that big needs a longer one (or to be split). From the heuristic
     * on, the plan found so far is answered with its honest gap.
     */
    private static void checkDeadline(SolverLimits limits, long deadline, String phase) {
        if (System.nanoTime() - deadline > 0) {
            throw new DomainException(ErrorCode.UNAVAILABLE, "the model's " + phase + " took longer than the time "
                    + "limit of " + limits.timeLimitMillis() + " ms; split the model or allow more time",
                    Map.of("timeLimitMillis", limits.timeLimitMillis(), "retryable", false));
        }
    }

    private static void checkCancelled(SolverLimits limits) {
        if (limits.stopRequested()) {
            throw new SolveCancelledException();
        }
    }
}
