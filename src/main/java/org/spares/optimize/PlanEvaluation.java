package org.spares.optimize;

import java.util.List;

/**
 * The model's predictions for a given plan (the formulas of docs/OPTIMIZER.md, the solver's own evaluation): per position, per
 * depot and in total. A given plan may break the request's targets; {@code brokenTargets} names them (as fields of
 * the request, such as {@code depots[2].maxPartsWaitHours}) instead of the plan being refused.
 */
public record PlanEvaluation(List<Plan.DepotSummary> depots, Total total, List<Plan.PositionPlan> positions,
        List<String> brokenTargets) {

    public PlanEvaluation {
        depots = List.copyOf(depots);
        positions = List.copyOf(positions);
        brokenTargets = List.copyOf(brokenTargets);
    }

    /**
     * The whole plan: {@code fillRate} demand-weighted over every position, {@code partsWaitHours} = 24 * sum EBO /
     * sum R (null when no depot has repair orders), as the frontier reports it.
     */
    public record Total(long stockUnits, double annualHoldingCost, double expectedBackorders, Double partsWaitHours,
            double fillRate) {
    }
}
