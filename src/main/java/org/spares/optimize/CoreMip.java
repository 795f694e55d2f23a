package org.spares.optimize;

import java.util.ArrayList;
import java.util.List;
import org.ojalgo.optimisation.Expression;
import org.ojalgo.optimisation.ExpressionsBasedModel;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.Variable;
import org.ojalgo.optimisation.integer.IntegerStrategy;
import org.ojalgo.type.context.NumberContext;

/**
 * The exact step on a small core. Reduced-cost fixing: flipping a unit away from the Lagrangian choice raises
 * the bound by |reduced cost|, so a unit whose flip would push the bound past the incumbent keeps its relaxed
 * value in every better plan. The units left (a contiguous range per position, the reduced costs being
 * monotone) go to ojalgo's MIP; the rest are constants.
 */
final class CoreMip {
    static final int MAXIMUM_CORE_UNITS = 4_000;
    /** Conservative reading of the relative gap tolerance {@code NumberContext.of(12)} set below (~1e-11). */
    static final double OJALGO_GAP_TOLERANCE = 1e-10;
    private final UnitProblem problem;
    private final Lagrangian lagrangian;

    CoreMip(UnitProblem problem, Lagrangian lagrangian) {
        this.problem = problem;
        this.lagrangian = lagrangian;
    }

    /** What the exact step proved for one scope: a plan no worse than the incumbent and a lower bound. */
    record Outcome(int[] levels, double value, double lowerBound, boolean proven) {
    }

    Outcome improve(int[] scope, int[] incumbent, double incumbentValue, double bound,
            Lagrangian.Evaluation evaluation, long timeLimitMillis) {
        double epsilon = 1e-10 * Math.max(1.0, Math.abs(incumbentValue));
        double threshold = incumbentValue - epsilon - bound;
        if (threshold < 0.0) {
            return new Outcome(incumbent, incumbentValue, incumbentValue - epsilon, true);
        }
        CoreRange core = CoreRange.of(problem, lagrangian, evaluation, scope, threshold, MAXIMUM_CORE_UNITS);
        if (core.tooLarge(MAXIMUM_CORE_UNITS)) {
            return new Outcome(incumbent, incumbentValue, bound, false);
        }
        return solve(core, incumbent, incumbentValue, bound, epsilon, timeLimitMillis);
    }

    private Outcome solve(CoreRange core, int[] incumbent, double incumbentValue, double bound, double epsilon,
            long timeLimitMillis) {
        int[] fixed = new int[problem.tables.size()];
        System.arraycopy(incumbent, 0, fixed, 0, fixed.length);
        for (int index = 0; index < core.scope().length; index++) {
            fixed[core.scope()[index]] = core.first()[index];
        }
        ExpressionsBasedModel model = new ExpressionsBasedModel(options(timeLimitMillis));
        List<List<Variable>> variables = new ArrayList<>();
        for (int index = 0; index < core.scope().length; index++) {
            int position = core.scope()[index];
            List<Variable> units = new ArrayList<>();
            for (int unit = core.first()[index]; unit < core.end()[index]; unit++) {
                units.add(model.addVariable("y" + position + "_" + unit).binary()
                        .weight(problem.objective(position, unit)));
            }
            variables.add(units);
        }
        if (!addRows(model, core, variables, fixed)) {
            // fixings leave no feasible plan: nothing beats the incumbent by more than epsilon
            return new Outcome(incumbent, incumbentValue, incumbentValue - epsilon, true);
        }
        Optimisation.Result result = model.minimise();
        Optimisation.State state = result.getState();
        if (state == Optimisation.State.INFEASIBLE) {
            return new Outcome(incumbent, incumbentValue, incumbentValue - epsilon, true);
        }
        if (!state.isFeasible()) {
            return new Outcome(incumbent, incumbentValue, bound, false);
        }
        int[] candidate = fixed.clone();
        int offset = 0;
        for (int index = 0; index < core.scope().length; index++) {
            int position = core.scope()[index];
            for (int unit = 0; unit < variables.get(index).size(); unit++) {
                if (result.doubleValue(offset + unit) > 0.5) {
                    candidate[position]++;
                }
            }
            offset += variables.get(index).size();
        }
        double claimed = problem.objectiveOf(fixed, core.scope()) + result.getValue();
        return judge(core.scope(), candidate, state.isOptimal() ? claimed : Double.NaN, incumbent, incumbentValue,
                bound, epsilon);
    }

    /**
     * Trust nothing from the MIP but the levels and what its OPTIMAL claim means. ojalgo 57.1 reports OPTIMAL when
     * its tree is exhausted, a node being dropped once its LP value is not below the best integer value or equals
     * it within the gap tolerance (relative, ~1e-11 for {@code NumberContext.of(12)}; the default strategy's is
     * 1e-4). So the claim proves only: no plan of the core is below the claimed value minus that tolerance. The
     * bound is taken from there, never from our recomputed value, so the caller's gap is honest.
     *
     * @param claimed the scope objective ojalgo reports for its solution when it claims optimality, else NaN
     */
    private Outcome judge(int[] scope, int[] candidate, double claimed, int[] incumbent, double incumbentValue,
            double bound, double epsilon) {
        boolean usable = problem.feasible(candidate);
        double value = usable ? problem.objectiveOf(candidate, scope) : Double.POSITIVE_INFINITY;
        int[] best = value < incumbentValue ? candidate : incumbent;
        double bestValue = Math.min(value, incumbentValue);
        if (Double.isNaN(claimed)) {
            return new Outcome(best, bestValue, bound, false);
        }
        double proven = Math.min(claimed - OJALGO_GAP_TOLERANCE * Math.max(1.0, Math.abs(claimed)),
                incumbentValue - epsilon);
        return new Outcome(best, bestValue, Math.max(bound, proven), true);
    }

    private static Optimisation.Options options(long timeLimitMillis) {
        Optimisation.Options options = new Optimisation.Options();
        options.time_abort = Math.max(50L, timeLimitMillis);
        options.time_suffice = Math.max(50L, timeLimitMillis);
        options.integer(IntegerStrategy.DEFAULT.withGapTolerance(NumberContext.of(12)));
        return options;
    }

    private boolean addRows(ExpressionsBasedModel model, CoreRange core, List<List<Variable>> variables, int[] fixed) {
        double totalFixedGain = 0.0;
        double spent = 0.0;
        Expression total = Double.isNaN(problem.totalRequirement) ? null : model.addExpression("total");
        Expression budget = Double.isNaN(problem.budget) ? null : model.addExpression("budget");
        int[] indexOf = new int[problem.tables.size()];
        java.util.Arrays.fill(indexOf, -1);
        for (int index = 0; index < core.scope().length; index++) {
            indexOf[core.scope()[index]] = index;
        }
        for (int depot = 0; depot < problem.depotPositions.length; depot++) {
            double fixedGain = 0.0;
            Expression row = problem.hasDepotRow(depot) ? model.addExpression("depot" + depot) : null;
            for (int position : problem.depotPositions[depot]) {
                fixedGain += problem.gainOf(position, fixed[position]);
                spent += problem.tables.holding(position) * fixed[position];
                int index = indexOf[position];
                if (index < 0) {
                    continue;
                }
                List<Variable> units = variables.get(index);
                for (int offset = 0; offset < units.size(); offset++) {
                    double gain = problem.tables.gain(position, core.first()[index] + offset);
                    if (row != null) {
                        row.set(units.get(offset), gain);
                    }
                    if (total != null) {
                        total.set(units.get(offset), gain);
                    }
                    if (budget != null) {
                        budget.set(units.get(offset), problem.tables.holding(position));
                    }
                }
            }
            totalFixedGain += fixedGain;
            if (row != null) {
                row.lower(problem.depotRequirement[depot] - fixedGain);
                if (row.isAnyLinearFactorNonZero() == false && problem.depotRequirement[depot] - fixedGain > 0.0) {
                    return false;
                }
            }
        }
        if (total != null) {
            total.lower(problem.totalRequirement - totalFixedGain);
        }
        if (budget != null) {
            budget.upper(problem.budget - spent);
        }
        return true;
    }
}
