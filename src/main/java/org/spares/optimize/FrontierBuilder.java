package org.spares.optimize;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import org.spares.domain.DomainException;
import org.spares.domain.ErrorCode;
import org.spares.domain.Position;

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

    /**
     * @throws DomainException 503 UNAVAILABLE when the time limit passes first: a frontier cut short is not the
     *     frontier, and the time limit is a promise to the caller
     */
    static FrontierAnswer frontier(StockModel model, int points, SolverLimits limits, ProgressListener progress) {
        long deadline = System.nanoTime() + limits.timeLimitMillis() * 1_000_000L;
        progress.progress(0.0, "sequence");
        UnitTables tables = new UnitTables(model);
        int[] levels = new int[tables.size()];
        double startEbo = 0.0;
        for (int position = 0; position < levels.length; position++) {
            levels[position] = tables.floor(position);
            startEbo += model.positions().get(position).distribution().expectedBackorders(levels[position]);
        }
        Sequence sequence = sequence(tables, levels.clone(), startEbo, limits, deadline);
        progress.progress(0.6, "points");
        List<FrontierAnswer.Point> answer = new ArrayList<>();
        double endCost = sequence.costs[sequence.size - 1];
        int step = 0;
        int lastChosen = -1;
        for (int point = 0; point < points; point++) {
            double target = endCost * point / (points - 1);
            int chosen = lastChosen < 0 ? 0 : lastChosen;
            while (chosen + 1 < sequence.size && sequence.costs[chosen + 1] <= target * (1 + 1e-12)) {
                chosen++;
            }
            if (chosen == lastChosen) {
                continue;
            }
            for (; step < chosen; step++) {
                levels[sequence.positions[step]]++;
            }
            checkDeadline(limits, deadline);
            answer.add(evaluate(model, levels));
            lastChosen = chosen;
        }
        progress.progress(1.0, "done");
        return new FrontierAnswer(answer);
    }

    /**
     * Greedy sequence: costs[j] is the cost after j units; positions[j] is the (j+1)-th unit's position. Primitive
     * arrays: boxed lists took 40 bytes a step, and a sequence has about as many steps as the tables have units.
     */
    private static final class Sequence {
        double[] costs = new double[1024];
        int[] positions = new int[1024];
        int size;

        void add(double cost, int position) {
            if (size == costs.length) {
                costs = Arrays.copyOf(costs, 2 * size);
                positions = Arrays.copyOf(positions, 2 * size);
            }
            costs[size] = cost;
            positions[size++] = position;
        }
    }

    private static Sequence sequence(UnitTables tables, int[] levels, double startEbo, SolverLimits limits,
            long deadline) {
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
        Sequence sequence = new Sequence();
        sequence.add(cost, -1);
        double ebo = startEbo;
        while (!queue.isEmpty() && ebo > NEGLIGIBLE_SHARE * startEbo && sequence.size < MAXIMUM_STEPS) {
            if ((sequence.size & 4095) == 0) {
                checkDeadline(limits, deadline);
            }
            int position = (int) queue.poll()[1];
            ebo -= tables.gain(position, levels[position]);
            cost += tables.cost(position, levels[position]);
            sequence.positions[sequence.size - 1] = position;
            levels[position]++;
            sequence.add(cost, -1);
            queue.add(new double[] {gainPerCost(tables, position, levels[position]), position});
        }
        return sequence;
    }

    private static void checkDeadline(SolverLimits limits, long deadline) {
        if (limits.stopRequested()) {
            throw new SolveCancelledException();
        }
        if (System.nanoTime() - deadline > 0) {
            throw new DomainException(ErrorCode.UNAVAILABLE, "the frontier did not finish within the time limit of "
                    + limits.timeLimitMillis() + " ms; ask for fewer points or a smaller model",
                    Map.of("timeLimitMillis", limits.timeLimitMillis(), "retryable", false));
        }
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
