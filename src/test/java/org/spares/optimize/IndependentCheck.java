package org.spares.optimize;

import static org.assertj.core.api.Assertions.assertThat;
import java.util.HashMap;
import java.util.Map;


/** Re-checks a plan against the request with the formulas only, independently of the solver. */
final class IndependentCheck {
    private IndependentCheck() {
    }

    static void assertFeasible(OptimizeRequest request, Plan plan) {
        Map<String, Integer> levels = new HashMap<>();
        plan.positions().forEach(position -> levels.put(position.depot() + "/" + position.sku(),
                position.stockLevel()));
        Map<String, Double> holding = new HashMap<>();
        request.parts().forEach(part -> holding.put(part.sku(), part.unitCost() * part.holdingRate()));
        Map<String, Double> depotEbo = new HashMap<>();
        double total = 0.0;
        double spent = 0.0;
        for (DemandInput row : request.demand()) {
            int level = levels.get(row.depot() + "/" + row.sku());
            PipelineDistribution distribution = PipelineDistribution.of(row.ratePerDay() * row.leadTimeDays(),
                    row.varianceToMeanRatio());
            double ebo = distribution.expectedBackorders(level);
            depotEbo.merge(row.depot(), ebo, Double::sum);
            total += ebo;
            DepotInput depot = request.depots().stream().filter(d -> d.code().equals(row.depot())).findFirst()
                    .orElseThrow();
            if (depot.minFillRate() != null) {
                assertThat(distribution.fillRate(level)).isGreaterThanOrEqualTo(depot.minFillRate() - 1e-12);
            }
        }
        for (Plan.PositionPlan position : plan.positions()) {
            spent += holding.get(position.sku()) * position.stockLevel();
        }
        boolean minimiseCost = request.objective() == Objective.MIN_COST;
        for (DepotInput depot : request.depots()) {
            if (depot.maxPartsWaitHours() != null && minimiseCost) {
                double wait = 24.0 * depotEbo.getOrDefault(depot.code(), 0.0) / depot.repairOrdersPerDay();
                assertThat(wait).as(depot.code()).isLessThanOrEqualTo(
                        depot.maxPartsWaitHours() * (1 + 1e-12) + 1e-12);
            }
        }
        if (request.maxTotalBackorders() != null && minimiseCost) {
            assertThat(total).isLessThanOrEqualTo(request.maxTotalBackorders() * (1 + 1e-12) + 1e-12);
        }
        if (request.annualBudget() != null && !minimiseCost) {
            assertThat(spent).isLessThanOrEqualTo(request.annualBudget() * (1 + 1e-12) + 1e-12);
        }
        double objective = request.objective() == Objective.MIN_BACKORDERS ? plan.totalExpectedBackorders()
                : plan.annualHoldingCost();
        assertThat(plan.lowerBound()).isLessThanOrEqualTo(objective * (1 + 1e-12) + 1e-12);
    }
}
