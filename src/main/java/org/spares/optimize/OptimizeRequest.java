package org.spares.optimize;

import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The body of {@code POST /api/v1/optimizer/solve} (docs/OPTIMIZER.md); defaults are filled in here.
 *
 * <p>Which fields each objective uses (the others are ignored, never rejected):
 * <ul>
 * <li>{@code MIN_COST}: minimise cost subject to the depots' {@code maxPartsWaitHours} (with
 * {@code repairOrdersPerDay}), {@code minFillRate} and {@code maxTotalBackorders}; {@code annualBudget} is
 * ignored.</li>
 * <li>{@code MIN_BACKORDERS}: minimise total expected backorders subject to {@code annualBudget} (required) and
 * {@code minFillRate}; {@code maxPartsWaitHours} and {@code maxTotalBackorders} are ignored, though each depot's
 * {@code partsWaitHours} is still reported when it has {@code repairOrdersPerDay > 0}.</li>
 * </ul>
 * {@code costModel} applies to both (for MIN_BACKORDERS the budget is always on {@code sum h * S}).
 */
public record OptimizeRequest(List<PartInput> parts, List<DepotInput> depots, List<DemandInput> demand,
        Double maxTotalBackorders, CostModel costModel, Objective objective, Double annualBudget) {

    public OptimizeRequest {
        parts = parts == null ? List.of() : List.copyOf(parts);
        depots = depots == null ? List.of() : List.copyOf(depots);
        demand = demand == null ? List.of() : List.copyOf(demand);
        costModel = costModel == null ? CostModel.STOCK_LEVEL : costModel;
        objective = objective == null ? Objective.MIN_COST : objective;
    }

    /**
     * The part of this model that concerns the kept depots: their depots and demand, and the parts that demand
     * names; the whole model when every depot is kept. Re-solving it gives the same levels for those depots only
     * while nothing couples depots, that is without {@code maxTotalBackorders} and with MIN_COST.
     */
    public OptimizeRequest onlyDepots(Predicate<String> keep) {
        if (depots.stream().map(DepotInput::code).allMatch(keep)) {
            return this;
        }
        List<DemandInput> keptDemand = demand.stream().filter(row -> keep.test(row.depot())).toList();
        Set<String> skus = keptDemand.stream().map(DemandInput::sku).collect(Collectors.toSet());
        return new OptimizeRequest(parts.stream().filter(part -> skus.contains(part.sku())).toList(),
                depots.stream().filter(depot -> keep.test(depot.code())).toList(), keptDemand, maxTotalBackorders,
                costModel, objective, annualBudget);
    }
}
