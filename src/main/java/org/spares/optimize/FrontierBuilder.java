package org.spares.optimize;

import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;

/**
 * The cost-versus-backorders frontier by marginal analysis from the fill-rate floors. Every prefix of the greedy
 * sequence is exactly optimal for its own cost (the LP at that budget is filled by whole units, so no integer
 * plan of equal or lower cost has fewer backorders): the points lie on the lower convex hull. Points are picked
 * evenly over cost and re-evaluated with the distribution formulas.
 */
final class FrontierBuilder {
    /** "Gains nothing measurable": the sequence stops once EBO is below this share of the starting EBO. */
    static final double NEGLIGIBLE_SHARE = 1e-4;
    private static final long MAXIMUM_STEPS = 50_000_000L;

    private FrontierBuilder() {
    }

    static FrontierAnswer frontier(StockModel model, int points, SolverLimits limits, ProgressListener progress) {
        progress.progress(0.0, "sequence");
        UnitTables tables = new UnitTables(model);
        int[] levels = new int[tables.size()];
        double startEbo = 0.0;
        for (int position = 0; position < levels.length; position++) {
            levels[position] = tables.floor(position);
            startEbo += model.positions().get(position).distribution().expectedBackorders(levels[position]);
        }
        Sequence sequence = sequence(tables, levels.clone(), startEbo, limits);
        progress.progress(0.6, "points");
        List<FrontierAnswer.Point> answer = new ArrayList<>();
        double endCost = sequence.costs.get(sequence.costs.size() - 1);
        int step = 0;
        int lastChosen = -1;
        for (int point = 0; point < points; point++) {
            double target = endCost * point / (points - 1);
            int chosen = lastChosen < 0 ? 0 : lastChosen;
            while (chosen + 1 < sequence.costs.size() && sequence.costs.get(chosen + 1) <= target * (1 + 1e-12)) {
                chosen++;
            }
            if (chosen == lastChosen) {
                continue;
            }
            for (; step < chosen; step++) {
                levels[sequence.positions.get(step)]++;
            }
            answer.add(evaluate(model, levels));
            lastChosen = chosen;
        }
        progress.progress(1.0, "done");
        return new FrontierAnswer(answer);
    }

    /** Greedy sequence: costs.get(j) is the cost after j units; positions.get(j) is the (j+1)-th unit's position. */
    private record Sequence(List<Double> costs, List<Integer> positions) {
    }

    private static Sequence sequence(UnitTables tables, int[] levels, double startEbo, SolverLimits limits) {
        double cost = 0.0;
        for (int position = 0; position < levels.length; position++) {
            for (int unit = 0; unit < levels[position]; unit++) {
                cost += tables.cost(position, unit);
            }
        }
        PriorityQueue<double[]> queue = new PriorityQueue<>((first, second) -> Double.compare(second[0], first[0]));
        for (int position = 0; position < levels.length; position++) {
            queue.add(new double[] {gainPerCost(tables, position, levels[position]), position});
        }
        List<Double> costs = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        costs.add(cost);
        double ebo = startEbo;
        while (!queue.isEmpty() && ebo > NEGLIGIBLE_SHARE * startEbo && costs.size() < MAXIMUM_STEPS) {
            if ((costs.size() & 4095) == 0 && limits.stopRequested()) {
                throw new SolveCancelledException();
            }
            int position = (int) queue.poll()[1];
            ebo -= tables.gain(position, levels[position]);
            cost += tables.cost(position, levels[position]);
            levels[position]++;
            costs.add(cost);
            positions.add(position);
            queue.add(new double[] {gainPerCost(tables, position, levels[position]), position});
        }
        return new Sequence(costs, positions);
    }

    private static double gainPerCost(UnitTables tables, int position, int unit) {
        double cost = tables.cost(position, unit);
        return cost > 0.0 ? tables.gain(position, unit) / cost : Double.POSITIVE_INFINITY;
    }

    private static FrontierAnswer.Point evaluate(StockModel model, int[] levels) {
        double cost = 0.0;
        double ebo = 0.0;
        double weightedFill = 0.0;
        double rate = 0.0;
        for (int index = 0; index < levels.length; index++) {
            StockModel.Position position = model.positions().get(index);
            PipelineDistribution distribution = position.distribution();
            ebo += distribution.expectedBackorders(levels[index]);
            cost += model.costModel() == CostModel.EXPECTED_ON_HAND
                    ? position.holdingCost() * distribution.expectedOnHand(levels[index])
                    : position.holdingCost() * levels[index];
            weightedFill += position.ratePerDay() * distribution.fillRate(levels[index]);
            rate += position.ratePerDay();
        }
        double repairRate = model.depots().stream()
                .mapToDouble(depot -> depot.repairOrdersPerDay() == null ? 0.0 : depot.repairOrdersPerDay()).sum();
        Double wait = repairRate > 0.0 ? 24.0 * ebo / repairRate : null;
        return new FrontierAnswer.Point(cost, ebo, wait, rate > 0.0 ? weightedFill / rate : 1.0);
    }
}
