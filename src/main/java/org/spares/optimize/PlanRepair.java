package org.spares.optimize;

import java.util.Map;
import java.util.PriorityQueue;
import org.spares.domain.DomainException;
import org.spares.domain.ErrorCode;

/**
 * Makes a plan meet its backorder caps as the report counts them. The search works with the row in gain form
 * (sum of gains >= sum of means - cap), which at a mean pipeline of 100,000 carries an absolute rounding of about
 * 1e-11 x 100,000: a cap of 0.001 could look met there and not be met in the report, whose EBO is a sum of small
 * tail terms, exact. Such a plan is topped up here, unit by unit by gain per cost, with the report's own
 * arithmetic; the answer's lower bound stays what was proven, so its gap stays honest. A cap that no unit can bring
 * closer (the tail probabilities have underflowed to zero) is a target no stock can meet in double precision:
 * 422 INFEASIBLE, never 500.
 */
final class PlanRepair {
    private PlanRepair() {
    }

    /** Tops up {@code levels} in place until every depot cap and the system-wide cap are met. */
    static void meetCaps(UnitProblem problem, int[] levels) {
        StockModel model = problem.model;
        for (int depot = 0; depot < problem.depotPositions.length; depot++) {
            Double cap = model.depots().get(depot).backorderLimit();
            if (cap != null) {
                topUp(problem, levels, problem.depotPositions[depot], cap, "maxPartsWaitHours of depot "
                        + model.depots().get(depot).code());
            }
        }
        if (model.backorderLimit() != null) {
            topUp(problem, levels, problem.allPositions(), model.backorderLimit(), "maxTotalBackorders");
        }
    }

    private static void topUp(UnitProblem problem, int[] levels, int[] scope, double cap, String target) {
        UnitTables tables = problem.tables;
        double backorders = 0.0;
        for (int position : scope) {
            backorders += tables.backorders(position, levels[position]);
        }
        if (Constraints.atMost(backorders, cap)) {
            return;
        }
        PriorityQueue<double[]> queue = new PriorityQueue<>((first, second) -> Double.compare(second[0], first[0]));
        for (int position : scope) {
            queue.add(new double[] {gainPerCost(tables, position, levels[position]), position});
        }
        while (!Constraints.atMost(backorders, cap)) {
            int position = (int) queue.poll()[1];
            double gain = tables.gain(position, levels[position]);
            if (!(gain > 0.0)) {
                throw new DomainException(ErrorCode.INFEASIBLE, target + " " + cap + " cannot be met: expected "
                        + "backorders stay at " + backorders + " where the pipeline's tail probabilities are below "
                        + "what double precision holds",
                        Map.of("target", target, "value", cap, "reachable", backorders));
            }
            backorders -= gain;
            levels[position]++;
            queue.add(new double[] {gainPerCost(tables, position, levels[position]), position});
        }
    }

    private static double gainPerCost(UnitTables tables, int position, int unit) {
        return tables.gain(position, unit) / tables.cost(position, unit);
    }
}
