package org.spares.optimize;

import java.util.List;

/**
 * A validated optimizer model. Only positions with demand take part in the optimization; the others are
 * reported with stock 0. Doubles throughout: this is numeric code, money is rounded at the edge.
 *
 * @param allSkus every part, in request order (the answer lists every depot x part pair)
 * @param backorderLimit system-wide cap on sum EBO, or null
 * @param annualBudget cap on sum h * S for MIN_BACKORDERS, or null
 */
public record StockModel(List<Depot> depots, List<String> allSkus, List<Double> holdingCosts,
        List<Position> positions, Double backorderLimit, CostModel costModel, Objective objective,
        Double annualBudget) {

    public StockModel {
        depots = List.copyOf(depots);
        allSkus = List.copyOf(allSkus);
        holdingCosts = List.copyOf(holdingCosts);
        positions = List.copyOf(positions);
    }

    /**
     * @param backorderLimit R * W / 24: the depot's cap on sum EBO from its parts-wait target, or null
     */
    public record Depot(String code, Double repairOrdersPerDay, Double maxPartsWaitHours, Double backorderLimit,
            double minFillRate) {
    }

    /**
     * A position with demand.
     *
     * @param floor smallest stock level meeting the depot's fill-rate floor
     */
    public record Position(int depotIndex, int partIndex, double holdingCost, double ratePerDay,
            PipelineDistribution distribution, int floor) {

        public double mean() {
            return distribution.mean();
        }
    }
}
