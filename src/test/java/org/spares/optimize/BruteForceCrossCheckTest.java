package org.spares.optimize;

import static org.assertj.core.api.Assertions.assertThat;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.spares.domain.DomainException;
import org.spares.domain.ErrorCode;
import org.spares.domain.Position;


/** Tiny random models of every constraint type and objective, solved by the solver and by enumeration. */
class BruteForceCrossCheckTest {
    private static final int MAXIMUM_LEVEL = 9;

    @Test
    void solverOptimumEqualsEnumeration() {
        Random random = new Random(20240611L);
        int solved = 0;
        for (int trial = 0; trial < 150; trial++) {
            OptimizeRequest request = randomRequest(random, trial % 5);
            double best;
            try {
                best = enumerate(ModelBuilder.build(request));
            } catch (DomainException exception) {
                assertThat(exception.code()).isEqualTo(ErrorCode.INFEASIBLE);
                continue;
            }
            if (Double.isInfinite(best)) {
                continue; // needs more than MAXIMUM_LEVEL units somewhere: outside what enumeration covers
            }
            Plan plan = Optimizer.solve(request, new SolverLimits(10_000, () -> false), ProgressListener.NONE);
            IndependentCheck.assertFeasible(request, plan);
            double value = request.objective() == Objective.MIN_BACKORDERS ? plan.totalExpectedBackorders()
                    : plan.annualHoldingCost();
            double tolerance = 1e-7 * Math.max(1.0, best);
            assertThat(value).as("trial %d: %s", trial, request).isLessThanOrEqualTo(best + tolerance);
            boolean inRange = plan.positions().stream().allMatch(position -> position.stockLevel() <= MAXIMUM_LEVEL);
            if (inRange) {
                // enumeration saw this plan, so it cannot be better than the enumerated best
                assertThat(value).as("trial %d", trial).isGreaterThanOrEqualTo(best - tolerance);
            }
            if (plan.status() == PlanStatus.OPTIMAL) {
                assertThat(plan.lowerBound()).isLessThanOrEqualTo(best * (1 + 1e-12) + 1e-12);
            }
            solved++;
        }
        assertThat(solved).isGreaterThan(80);
    }

    /** kind 0: wait per depot, 1: total backorders, 2: fill-rate floors + wait, 3: budget, 4: wait + total. */
    private static OptimizeRequest randomRequest(Random random, int kind) {
        int depots = 1 + random.nextInt(2);
        int parts = 1 + random.nextInt(depots == 1 ? 4 : 2);
        List<PartInput> partInputs = new ArrayList<>();
        for (int part = 0; part < parts; part++) {
            partInputs.add(new PartInput("P" + part, (double) (10 + random.nextInt(400)), 0.2 + 0.05 * random.nextInt(3)));
        }
        List<DepotInput> depotInputs = new ArrayList<>();
        List<DemandInput> demand = new ArrayList<>();
        for (int depot = 0; depot < depots; depot++) {
            boolean wait = kind == 0 || kind == 2 || kind == 4;
            Double fill = kind == 2 ? 0.5 + 0.4 * random.nextDouble() : null;
            depotInputs.add(new DepotInput("D" + depot, 0.5 + random.nextDouble(),
                    wait ? 10.0 + 50.0 * random.nextDouble() : null, fill));
            for (int part = 0; part < parts; part++) {
                double variance = random.nextInt(3) == 0 ? 1.0 + 2.0 * random.nextDouble() : 1.0;
                demand.add(new DemandInput("D" + depot, "P" + part, 0.02 + 0.3 * random.nextDouble(),
                        3.0 + random.nextInt(10), variance));
            }
        }
        Double total = kind == 1 || kind == 4 ? 0.2 + random.nextDouble() : null;
        CostModel costModel = random.nextBoolean() ? CostModel.STOCK_LEVEL : CostModel.EXPECTED_ON_HAND;
        Objective objective = kind == 3 ? Objective.MIN_BACKORDERS : Objective.MIN_COST;
        Double budget = kind == 3 ? 20.0 + 150.0 * random.nextDouble() : null;
        return new OptimizeRequest(partInputs, depotInputs, demand, total, costModel, objective, budget);
    }

    /** Best objective over every level vector in [floor, MAXIMUM_LEVEL]; infinity if the best may lie beyond. */
    private static double enumerate(StockModel model) {
        int count = model.positions().size();
        int[] levels = new int[count];
        for (int index = 0; index < count; index++) {
            levels[index] = model.positions().get(index).floor();
            if (levels[index] > MAXIMUM_LEVEL) {
                return Double.POSITIVE_INFINITY;
            }
        }
        double best = Double.POSITIVE_INFINITY;
        while (true) {
            best = Math.min(best, valueIfFeasible(model, levels));
            int index = 0;
            while (index < count && levels[index] == MAXIMUM_LEVEL) {
                levels[index] = model.positions().get(index).floor();
                index++;
            }
            if (index == count) {
                return best;
            }
            levels[index]++;
        }
    }

    private static double valueIfFeasible(StockModel model, int[] levels) {
        double[] depotEbo = new double[model.depots().size()];
        double cost = 0.0;
        double spent = 0.0;
        double total = 0.0;
        for (int index = 0; index < levels.length; index++) {
            StockModel.Position position = model.positions().get(index);
            double ebo = position.distribution().expectedBackorders(levels[index]);
            depotEbo[position.depotIndex()] += ebo;
            total += ebo;
            spent += position.holdingCost() * levels[index];
            cost += model.costModel() == CostModel.EXPECTED_ON_HAND
                    ? position.holdingCost() * position.distribution().expectedOnHand(levels[index])
                    : position.holdingCost() * levels[index];
        }
        for (int depot = 0; depot < depotEbo.length; depot++) {
            Double limit = model.depots().get(depot).backorderLimit();
            if (limit != null && depotEbo[depot] > limit * (1 + 1e-12)) {
                return Double.POSITIVE_INFINITY;
            }
        }
        if (model.backorderLimit() != null && total > model.backorderLimit() * (1 + 1e-12)) {
            return Double.POSITIVE_INFINITY;
        }
        if (model.annualBudget() != null) {
            return spent <= model.annualBudget() * (1 + 1e-12) ? total : Double.POSITIVE_INFINITY;
        }
        return cost;
    }
}
