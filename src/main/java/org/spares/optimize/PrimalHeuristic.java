package org.spares.optimize;

import java.util.PriorityQueue;

/**
 * Feasible starting plans. MIN_COST: round the Lagrangian choice, add the most efficient units (gain per cost)
 * where a row is short, then drop the least efficient units while every row keeps its slack. MIN_BACKORDERS:
 * marginal analysis (gain per holding cost) while the budget allows.
 */
final class PrimalHeuristic {
    private final UnitProblem problem;
    private final UnitTables tables;

    PrimalHeuristic(UnitProblem problem) {
        this.problem = problem;
        this.tables = problem.tables;
    }

    int[] minimumCostPlan(Lagrangian lagrangian, Lagrangian.Evaluation evaluation) {
        int[] levels = new int[tables.size()];
        for (int position = 0; position < levels.length; position++) {
            int level = tables.floor(position);
            while (lagrangian.reducedCost(evaluation, position, level) < 0.0) {
                level++;
            }
            levels[position] = level;
        }
        for (int depot = 0; depot < problem.depotPositions.length; depot++) {
            if (problem.hasDepotRow(depot)) {
                cover(levels, problem.depotPositions[depot], problem.depotRequirement[depot]);
            }
        }
        if (!Double.isNaN(problem.totalRequirement)) {
            cover(levels, problem.allPositions(), problem.totalRequirement);
        }
        dropInefficientUnits(levels);
        return levels;
    }

    /** Adds units by least cost per gain until the positions' gains reach the requirement. */
    private void cover(int[] levels, int[] positions, double requirement) {
        double gained = 0.0;
        for (int position : positions) {
            gained += problem.gainOf(position, levels[position]);
        }
        // aim a hair above the requirement so that the independent re-evaluation never disagrees
        double target = requirement + 1e-13 * Math.max(1.0, Math.abs(requirement));
        if (gained >= target) {
            return;
        }
        PriorityQueue<double[]> queue = new PriorityQueue<>((first, second) -> Double.compare(first[0], second[0]));
        for (int position : positions) {
            queue.add(new double[] {costPerGain(position, levels[position]), position});
        }
        while (gained < target && !queue.isEmpty()) {
            int position = (int) queue.poll()[1];
            if (!(tables.gain(position, levels[position]) > 0.0)) {
                // the best unit gains nothing (its tail underflowed): PlanRepair judges what is left of the row
                return;
            }
            gained += tables.gain(position, levels[position]);
            levels[position]++;
            queue.add(new double[] {costPerGain(position, levels[position]), position});
        }
    }

    private double costPerGain(int position, int unit) {
        double gain = tables.gain(position, unit);
        return gain > 0.0 ? tables.cost(position, unit) / gain : Double.POSITIVE_INFINITY;
    }

    /** Removes the most expensive-per-gain top units while every row stays met. */
    private void dropInefficientUnits(int[] levels) {
        double[] depotSlack = new double[problem.depotPositions.length];
        double totalGain = 0.0;
        for (int depot = 0; depot < depotSlack.length; depot++) {
            double gained = 0.0;
            for (int position : problem.depotPositions[depot]) {
                gained += problem.gainOf(position, levels[position]);
            }
            totalGain += gained;
            depotSlack[depot] = problem.hasDepotRow(depot) ? gained - margin(problem.depotRequirement[depot])
                    : Double.POSITIVE_INFINITY;
        }
        double totalSlack = Double.isNaN(problem.totalRequirement) ? Double.POSITIVE_INFINITY
                : totalGain - margin(problem.totalRequirement);
        PriorityQueue<double[]> queue = new PriorityQueue<>((first, second) -> Double.compare(second[0], first[0]));
        for (int position = 0; position < levels.length; position++) {
            if (levels[position] > tables.floor(position)) {
                queue.add(new double[] {costPerGain(position, levels[position] - 1), position});
            }
        }
        while (!queue.isEmpty()) {
            int position = (int) queue.poll()[1];
            double gain = tables.gain(position, levels[position] - 1);
            int depot = tables.depot(position);
            if (gain > depotSlack[depot] || gain > totalSlack) {
                continue;
            }
            depotSlack[depot] -= gain;
            totalSlack -= gain;
            levels[position]--;
            if (levels[position] > tables.floor(position)) {
                queue.add(new double[] {costPerGain(position, levels[position] - 1), position});
            }
        }
    }

    private static double margin(double requirement) {
        return requirement + 1e-13 * Math.max(1.0, Math.abs(requirement));
    }

    /** Marginal analysis under the budget: a position whose next unit does not fit is done (same price). */
    int[] minimumBackordersPlan() {
        int[] levels = new int[tables.size()];
        double spent = 0.0;
        PriorityQueue<double[]> queue = new PriorityQueue<>((first, second) -> Double.compare(second[0], first[0]));
        for (int position = 0; position < levels.length; position++) {
            levels[position] = tables.floor(position);
            spent += tables.holding(position) * levels[position];
            queue.add(new double[] {tables.gain(position, levels[position]) / tables.holding(position), position});
        }
        while (!queue.isEmpty()) {
            int position = (int) queue.poll()[1];
            if (tables.gain(position, levels[position]) <= 0.0) {
                continue;
            }
            double price = tables.holding(position);
            if (!Constraints.atMost(spent + price, problem.budget)) {
                continue;
            }
            spent += price;
            levels[position]++;
            queue.add(new double[] {tables.gain(position, levels[position]) / price, position});
        }
        return levels;
    }
}
