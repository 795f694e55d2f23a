package org.spares.optimize;

import java.util.List;

/** The body of {@code POST /api/v1/optimizer/frontier}: the solve model plus the number of points wanted. */
public record FrontierRequest(List<PartInput> parts, List<DepotInput> depots, List<DemandInput> demand,
        Double maxTotalBackorders, CostModel costModel, Objective objective, Double annualBudget, Integer points) {

    public static final int DEFAULT_POINTS = 12;

    public FrontierRequest {
        points = points == null ? DEFAULT_POINTS : points;
    }

    public OptimizeRequest model() {
        return new OptimizeRequest(parts, depots, demand, maxTotalBackorders, costModel, objective, annualBudget);
    }
}
