package org.spares.optimize;

import java.util.List;

/**
 * The answer of the solver (docs/OPTIMIZER.md): the objective under the request's cost model, a proven lower bound,
 * the relative gap between them, and the chosen stock per depot and position.
 */
public record Plan(PlanStatus status, double annualHoldingCost, double lowerBound, double gap,
        double totalExpectedBackorders, long solveMillis, List<DepotSummary> depots, List<PositionPlan> positions) {

    public Plan {
        depots = List.copyOf(depots);
        positions = List.copyOf(positions);
    }

    /** Totals of one depot; {@code fillRate} is demand-weighted (reported, not constrained). */
    public record DepotSummary(String code, long stockUnits, double annualHoldingCost, double expectedBackorders,
            Double partsWaitHours, double fillRate) {
    }

    /** One (depot, part) position: target level S, reorder point S - 1, and its expected performance. */
    public record PositionPlan(String depot, String sku, int stockLevel, int reorderPoint, double pipelineMean,
            double expectedBackorders, double fillRate, double expectedOnHand, double annualHoldingCost) {
    }
}
