package org.spares.simulate;

import java.util.List;
import org.spares.optimize.PlanEvaluation;
import org.spares.optimize.StockLevelInput;

/**
 * A plan checked by simulation: the levels simulated (every position with demand or stock, in request order), the
 * model's predictions for them, and the simulated values with their intervals.
 */
public record PlanSimulation(List<StockLevelInput> stockLevels, PlanEvaluation predicted, Simulation simulated,
        SimulationSettings settings) {

    public PlanSimulation {
        stockLevels = List.copyOf(stockLevels);
    }
}
