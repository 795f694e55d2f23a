package org.spares.optimize;

import static org.assertj.core.api.Assertions.assertThat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.spares.domain.Position;


/**
 * OPTIMAL must mean optimal. Random models too large to enumerate (3 depots x 25 parts, cores of hundreds of units
 * where the search branches) are solved exactly by an independent dynamic program over cost: holding costs are
 * whole numbers here, so "least EBO for each total cost" per depot is exact. Whatever target gap the solver is
 * given, a plan labelled OPTIMAL must cost the optimum, and every lower bound must be at most the optimum.
 */
class HonestStatusTest {
    private static final int DEPOTS = 3;
    private static final int PARTS = 25;

    @Test
    void optimalLabelsAndLowerBoundsAgreeWithAnIndependentOptimum() {
        Random random = new Random(7L);
        int optimalLabels = 0;
        int inexactStarts = 0;
        for (int trial = 0; trial < 12; trial++) {
            OptimizeRequest request = randomRequest(random);
            StockModel model = ModelBuilder.build(request);
            Plan first = Optimizer.solve(request, new SolverLimits(10_000, () -> false), ProgressListener.NONE);
            IndependentCheck.assertFeasible(request, first);
            double optimum = 0.0;
            for (int depot = 0; depot < DEPOTS; depot++) {
                // a feasible plan's depot cost caps the program: the optimum cannot cost more
                int cap = (int) Math.round(first.depots().get(depot).annualHoldingCost());
                optimum += DepotProgram.minimumCost(model, depot, cap);
            }
            for (double target : new double[] {SolverLimits.PROVE_OPTIMAL, 1e-4, 1e-2}) {
                Plan plan = target == SolverLimits.PROVE_OPTIMAL ? first : Optimizer.solve(request,
                        new SolverLimits(10_000, () -> false, target), ProgressListener.NONE);
                IndependentCheck.assertFeasible(request, plan);
                String label = "trial " + trial + " target " + target;
                assertThat(plan.annualHoldingCost()).as(label).isGreaterThanOrEqualTo(optimum * (1 - 1e-12));
                assertThat(plan.lowerBound()).as(label).isLessThanOrEqualTo(optimum * (1 + 1e-12));
                if (plan.status() == PlanStatus.OPTIMAL) {
                    assertThat(plan.annualHoldingCost()).as(label).isLessThanOrEqualTo(optimum * (1 + 1e-9));
                    optimalLabels++;
                } else {
                    assertThat(plan.gap()).as(label).isGreaterThan(1e-9);
                    inexactStarts++;
                }
            }
        }
        // both kinds occur, so both branches of the check above were exercised
        assertThat(optimalLabels).isGreaterThan(12);
        assertThat(inexactStarts).isPositive();
    }

    private static OptimizeRequest randomRequest(Random random) {
        List<PartInput> parts = new ArrayList<>();
        for (int part = 0; part < PARTS; part++) {
            // unit cost a multiple of 4 at holding rate 0.25: whole-number holding costs for the program below
            parts.add(new PartInput("P" + part, 4.0 * (1 + random.nextInt(60)), 0.25));
        }
        List<DepotInput> depots = new ArrayList<>();
        List<DemandInput> demand = new ArrayList<>();
        for (int depot = 0; depot < DEPOTS; depot++) {
            double rate = 0.0;
            for (int part = 0; part < PARTS; part++) {
                double perDay = 0.02 + 0.25 * random.nextDouble();
                rate += perDay;
                demand.add(new DemandInput("D" + depot, "P" + part, perDay, 5.0 + random.nextInt(20), 1.0));
            }
            depots.add(new DepotInput("D" + depot, 0.3 * rate, 2.0 + 10.0 * random.nextDouble(), null));
        }
        return new OptimizeRequest(parts, depots, demand, null, null, null, null);
    }

    /** Least total EBO for every whole-number budget, position by position; then the least budget that meets the cap. */
    private static final class DepotProgram {
        private DepotProgram() {
        }

        static double minimumCost(StockModel model, int depot, int cap) {
            List<StockModel.Position> positions = model.positions().stream()
                    .filter(position -> position.depotIndex() == depot).toList();
            double limit = model.depots().get(depot).backorderLimit();
            double[] least = new double[cap + 1];
            for (StockModel.Position position : positions) {
                least = addPosition(least, position);
            }
            for (int cost = 0; cost <= cap; cost++) {
                if (least[cost] <= limit * (1 + 1e-12)) {
                    return cost;
                }
            }
            throw new IllegalStateException("no plan within the feasible plan's cost at depot " + depot);
        }

        private static double[] addPosition(double[] least, StockModel.Position position) {
            int price = (int) Math.round(position.holdingCost());
            double[] next = new double[least.length];
            Arrays.fill(next, Double.POSITIVE_INFINITY);
            for (int level = 0; price * level < least.length; level++) {
                double ebo = position.distribution().expectedBackorders(level);
                int spend = price * level;
                for (int cost = spend; cost < least.length; cost++) {
                    next[cost] = Math.min(next[cost], least[cost - spend] + ebo);
                }
            }
            return next;
        }
    }
}
