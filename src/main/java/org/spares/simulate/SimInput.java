package org.spares.simulate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.spares.optimize.DemandInput;
import org.spares.optimize.DepotInput;
import org.spares.optimize.OptimizeRequest;
import org.spares.optimize.StockLevelInput;

/**
 * What the simulator needs from an optimizer model and a plan: the depots in request order, and one position per
 * demand row with demand. A row's variance-to-mean ratio v becomes logarithmic sizes, so that the simulated pipeline
 * is the negative binomial the optimizer assumes (Poisson when v = 1). Positions without demand are left out: they
 * never backorder and weigh nothing in a fill rate, whatever they hold.
 */
public record SimInput(List<SimDepot> depots, List<SimPosition> positions) {

    public SimInput {
        depots = List.copyOf(depots);
        positions = List.copyOf(positions);
    }

    /**
     * @param request a validated model ({@code Optimizer.evaluate} validates both)
     * @param levels the plan; positions not listed hold 0
     */
    public static SimInput of(OptimizeRequest request, List<StockLevelInput> levels) {
        Map<String, Integer> depotIndex = new HashMap<>();
        List<SimDepot> depots = new ArrayList<>();
        for (DepotInput depot : request.depots()) {
            depotIndex.put(depot.code(), depots.size());
            depots.add(new SimDepot(depot.code(), depot.repairOrdersPerDay() == null ? 0.0
                    : depot.repairOrdersPerDay()));
        }
        Map<String, Integer> levelOf = new HashMap<>();
        for (StockLevelInput level : levels) {
            levelOf.put(key(level.depot(), level.sku()), level.stockLevel());
        }
        List<SimPosition> positions = new ArrayList<>();
        for (DemandInput row : request.demand()) {
            if (row.ratePerDay() <= 0.0) {
                continue;
            }
            positions.add(new SimPosition(depotIndex.get(row.depot()), row.ratePerDay(), row.leadTimeDays(),
                    levelOf.getOrDefault(key(row.depot(), row.sku()), 0),
                    SizeDistribution.logarithmic(row.varianceToMeanRatio())));
        }
        return new SimInput(depots, positions);
    }

    /**
     * The events one run draws, about: replications x sum over positions of occurrences a day x (days + lead
     * time), the warm-up included. What a caller's work limit is measured in.
     */
    public double expectedEvents(int replications, int days) {
        double perReplication = 0.0;
        for (SimPosition position : positions) {
            perReplication += position.occurrencesPerDay() * (days + position.leadTimeDays());
        }
        return replications * perReplication;
    }

    private static String key(String depot, String sku) {
        return depot + "\u0000" + sku;
    }
}
