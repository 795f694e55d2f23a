package org.spares.optimize;

import java.util.function.BooleanSupplier;

/**
 * The exact step for a scope with exactly one row: a depot's wait row, the system-wide backorder row alone, or the
 * budget alone. After reduced-cost fixing the core is one 0/1 knapsack, solved by {@link Knapsack}, which proves
 * its own bound. A covering row (gains >= requirement, minimise cost) becomes a packing one by complement: z = 1 - y
 * ("unit not stocked") earns the unit's cost and uses up its gain from the slack G - R.
 */
final class KnapsackCore {
    /** Larger cores are left to the heuristic plan and the LP bound (memory and recursion depth). */
    static final long MAXIMUM_CORE_UNITS = 200_000;
    private final UnitProblem problem;
    private final Lagrangian lagrangian;

    KnapsackCore(UnitProblem problem, Lagrangian lagrangian) {
        this.problem = problem;
        this.lagrangian = lagrangian;
    }

    /** What one scope needs: its row, its incumbent, the LP bound, and the absolute gap it may leave open. */
    record Task(int[] scope, double requirement, int[] incumbent, double incumbentValue, double bound,
            Lagrangian.Evaluation evaluation, double allowance, long deadlineNanos, BooleanSupplier cancelled) {
    }

    /** Levels in scope order, their objective, a proven lower bound, and whether the search finished. */
    record Outcome(int[] levels, double value, double lowerBound, boolean complete) {
    }

    /** Items of the core in scope order, with what the fixed units contribute. */
    private record Items(double[] profit, double[] weight, double capacity, double constant) {
    }

    /**
     * @return levels for the scope's positions (scope order) no worse than the incumbent, and a proven lower bound
     *     on the scope's objective
     */
    Outcome improve(Task task) {
        double slack = Math.max(task.allowance(), 1e-12 * Math.max(1.0, Math.abs(task.incumbentValue())));
        double threshold = task.incumbentValue() - slack - task.bound();
        int[] current = levelsOf(task.scope(), task.incumbent());
        if (threshold < 0.0) {
            return new Outcome(current, task.incumbentValue(), task.bound(), true);
        }
        CoreRange core = CoreRange.of(problem, lagrangian, task.evaluation(), task.scope(), threshold,
                MAXIMUM_CORE_UNITS);
        if (core.tooLarge(MAXIMUM_CORE_UNITS)) {
            return new Outcome(current, task.incumbentValue(), task.bound(), false);
        }
        Items items = items(core, task.requirement());
        double cutoff = items.constant() - task.incumbentValue();
        Knapsack.Result result = Knapsack.solve(items.profit(), items.weight(), items.capacity(), cutoff,
                task.allowance(), task.deadlineNanos(), task.cancelled());
        // everything outside the core is worse than incumbent - slack; inside, nothing beats the proven bound
        double proven = Math.min(items.constant() - result.upperBound(), task.incumbentValue() - slack);
        proven -= 1e-12 * Math.max(1.0, Math.abs(proven));
        double lowerBound = Math.max(task.bound(), proven);
        if (result.chosen() == null) {
            return new Outcome(current, task.incumbentValue(), lowerBound, result.complete());
        }
        int[] candidate = levels(core, result.chosen());
        double value = value(task.scope(), candidate);
        if (!feasible(task, candidate) || value >= task.incumbentValue()) {
            return new Outcome(current, task.incumbentValue(), lowerBound, result.complete());
        }
        return new Outcome(candidate, value, Math.min(lowerBound, value), result.complete());
    }

    private Items items(CoreRange core, double requirement) {
        int count = (int) core.units();
        double[] profit = new double[count];
        double[] weight = new double[count];
        double constant = value(core.scope(), core.first());
        double fixedGain = 0.0;
        double spent = 0.0;
        double coreGain = 0.0;
        int item = 0;
        for (int index = 0; index < core.scope().length; index++) {
            int position = core.scope()[index];
            fixedGain += problem.gainOf(position, core.first()[index]);
            spent += problem.tables.holding(position) * core.first()[index];
            for (int unit = core.first()[index]; unit < core.end()[index]; unit++, item++) {
                double gain = problem.tables.gain(position, unit);
                if (problem.minimiseBackorders) {
                    profit[item] = gain;
                    weight[item] = problem.tables.holding(position);
                } else {
                    profit[item] = problem.tables.cost(position, unit);
                    weight[item] = gain;
                    constant += profit[item];
                    coreGain += gain;
                }
            }
        }
        if (problem.minimiseBackorders) {
            return new Items(profit, weight, problem.budget - spent, constant);
        }
        // aim a hair above the requirement, as the heuristic does, so the re-evaluation never disagrees
        double target = requirement + 1e-13 * Math.max(1.0, Math.abs(requirement));
        return new Items(profit, weight, fixedGain + coreGain - target, constant);
    }

    /** Units stocked per scope position: the fixed ones plus the core units chosen (y = z, or y = 1 - z). */
    private int[] levels(CoreRange core, boolean[] chosen) {
        int[] levels = core.first().clone();
        int item = 0;
        for (int index = 0; index < levels.length; index++) {
            for (int unit = core.first()[index]; unit < core.end()[index]; unit++, item++) {
                if (chosen[item] == problem.minimiseBackorders) {
                    levels[index]++;
                }
            }
        }
        return levels;
    }

    private boolean feasible(Task task, int[] levels) {
        double gained = 0.0;
        double spent = 0.0;
        for (int index = 0; index < levels.length; index++) {
            int position = task.scope()[index];
            if (levels[index] < problem.tables.floor(position)) {
                return false;
            }
            gained += problem.gainOf(position, levels[index]);
            spent += problem.tables.holding(position) * levels[index];
        }
        return problem.minimiseBackorders ? Constraints.atMost(spent, problem.budget)
                : Constraints.atLeast(gained, task.requirement());
    }

    private double value(int[] scope, int[] levels) {
        double sum = 0.0;
        for (int index = 0; index < scope.length; index++) {
            for (int unit = 0; unit < levels[index]; unit++) {
                sum += problem.objective(scope[index], unit);
            }
        }
        return sum;
    }

    private static int[] levelsOf(int[] scope, int[] all) {
        int[] levels = new int[scope.length];
        for (int index = 0; index < scope.length; index++) {
            levels[index] = all[scope[index]];
        }
        return levels;
    }
}
