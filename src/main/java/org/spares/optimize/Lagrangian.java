package org.spares.optimize;






/**
 * Lower bounds by Lagrangian relaxation of the rows of a {@link UnitProblem}. For any multipliers >= 0 the
 * relaxed problem separates into single units, so its value is a valid lower bound (weak duality); the
 * per-depot multipliers are set exactly where each depot's LP (a fractional knapsack) is optimal, and the one
 * global multiplier (system-wide backorders or budget) is found by bisection on its subgradient. With at most
 * one row per depot plus one global row this reaches the LP relaxation bound.
 */
final class Lagrangian {
    private static final int BISECTION_STEPS = 80;
    private final UnitProblem problem;

    Lagrangian(UnitProblem problem) {
        this.problem = problem;
    }

    /** The multipliers and what they prove. */
    record Evaluation(double global, double[] depotMultipliers, double[] depotValues, double value,
            double subgradient) {
    }

    double reducedCost(Evaluation evaluation, int position, int unit) {
        return base(evaluation.global(), position, unit)
                - evaluation.depotMultipliers()[problem.tables.depot(position)] * problem.tables.gain(position, unit);
    }

    private double base(double global, int position, int unit) {
        UnitTables tables = problem.tables;
        if (problem.minimiseBackorders) {
            return global * tables.holding(position) - tables.gain(position, unit);
        }
        return tables.cost(position, unit) - global * tables.gain(position, unit);
    }

    /** Maximises over the global multiplier and grows the tables until the bound covers every unit. */
    Evaluation maximise(SolverLimits limits) {
        while (true) {
            Evaluation best = searchGlobal(limits);
            if (!extendTruncatedTables(best)) {
                return evaluate(best.global());
            }
        }
    }

    /** A unit beyond a table with a negative reduced cost would make the bound invalid: grow that table. */
    private boolean extendTruncatedTables(Evaluation evaluation) {
        boolean extended = false;
        for (int position = 0; position < problem.tables.size(); position++) {
            int sentinel = problem.tables.usable(position);
            while (reducedCost(evaluation, position, sentinel) < 0.0) {
                problem.tables.extend(position);
                sentinel = problem.tables.usable(position);
                extended = true;
            }
        }
        return extended;
    }

    private Evaluation searchGlobal(SolverLimits limits) {
        Evaluation best = evaluate(0.0);
        if (!problem.hasGlobalRow() || best.subgradient() <= 0.0) {
            return best;
        }
        double low = 0.0;
        double high = 1.0;
        Evaluation atHigh = evaluate(high);
        while (atHigh.subgradient() > 0.0 && high < 1e300) {
            low = high;
            high *= 4.0;
            atHigh = evaluate(high);
        }
        best = atHigh.value() > best.value() ? atHigh : best;
        for (int step = 0; step < BISECTION_STEPS && high - low > 1e-15 * high; step++) {
            if (limits.stopRequested()) {
                throw new SolveCancelledException();
            }
            double middle = 0.5 * (low + high);
            Evaluation atMiddle = evaluate(middle);
            if (atMiddle.value() > best.value()) {
                best = atMiddle;
            }
            if (atMiddle.subgradient() > 0.0) {
                low = middle;
            } else {
                high = middle;
            }
        }
        return best;
    }

    /** The relaxation's value for one global multiplier, with every depot multiplier at its optimum. */
    Evaluation evaluate(double global) {
        int depotCount = problem.depotPositions.length;
        double[] multipliers = new double[depotCount];
        double[] values = new double[depotCount];
        double value = 0.0;
        double takenGain = 0.0;
        double takenHolding = 0.0;
        for (int depot = 0; depot < depotCount; depot++) {
            double forcedGain = 0.0;
            double depotValue = 0.0;
            for (int position : problem.depotPositions[depot]) {
                for (int unit = 0; unit < problem.tables.floor(position); unit++) {
                    depotValue += problem.objective(position, unit);
                    forcedGain += problem.tables.gain(position, unit);
                }
                takenHolding += problem.tables.holding(position) * problem.tables.floor(position);
            }
            takenGain += forcedGain;
            double residual = problem.hasDepotRow(depot) ? problem.depotRequirement[depot] - forcedGain : 0.0;
            double multiplier = residual > 0.0 ? depotMultiplier(global, depot, residual) : 0.0;
            multipliers[depot] = multiplier;
            depotValue += multiplier * residual;
            for (int position : problem.depotPositions[depot]) {
                for (int unit = problem.tables.floor(position); unit < problem.tables.usable(position); unit++) {
                    double base = base(global, position, unit);
                    double gain = problem.tables.gain(position, unit);
                    double reduced = base - multiplier * gain;
                    if (reduced >= 0.0) {
                        break;
                    }
                    depotValue += reduced + global * (problem.minimiseBackorders ? -problem.tables.holding(position)
                            : gain);
                    takenGain += gain;
                    takenHolding += problem.tables.holding(position);
                }
            }
            values[depot] = depotValue;
            value += depotValue;
        }
        return finish(global, multipliers, values, value, takenGain, takenHolding);
    }

    private Evaluation finish(double global, double[] multipliers, double[] values, double value, double takenGain,
            double takenHolding) {
        // depotValue above holds objective + depot terms with the global term added back per unit, so the
        // global row enters once here: + global * (requirement - gains) or - global * (budget - spent).
        double subgradient = 0.0;
        double total = value;
        if (!Double.isNaN(problem.totalRequirement)) {
            subgradient = problem.totalRequirement - takenGain;
            total = value + global * subgradient;
        } else if (!Double.isNaN(problem.budget)) {
            subgradient = takenHolding - problem.budget;
            total = value + global * subgradient;
        }
        return new Evaluation(global, multipliers, values, total, subgradient);
    }

    /** Smallest multiplier at which the depot's relaxed choice covers the residual requirement (bisection). */
    private double depotMultiplier(double global, int depot, double residual) {
        if (takenGain(global, depot, 0.0) >= residual) {
            return 0.0;
        }
        double low = 0.0;
        double high = 1.0;
        while (takenGain(global, depot, high) < residual) {
            low = high;
            high *= 4.0;
            if (high > 1e300) {
                return low;
            }
        }
        for (int step = 0; step < 200 && high - low > 1e-15 * high; step++) {
            double middle = 0.5 * (low + high);
            if (takenGain(global, depot, middle) >= residual) {
                high = middle;
            } else {
                low = middle;
            }
        }
        return high;
    }

    private double takenGain(double global, int depot, double multiplier) {
        double sum = 0.0;
        for (int position : problem.depotPositions[depot]) {
            int unit = problem.tables.floor(position);
            while (true) {
                double gain = problem.tables.gain(position, unit);
                if (base(global, position, unit) - multiplier * gain >= 0.0) {
                    break;
                }
                sum += gain;
                unit++;
            }
        }
        return sum;
    }
}
