package org.spares.simulate;

import java.util.List;
import org.spares.optimize.OptimizeRequest;
import org.spares.optimize.Optimizer;
import org.spares.optimize.Plan;
import org.spares.optimize.PlanEvaluation;
import org.spares.optimize.ProgressListener;
import org.spares.optimize.SolverLimits;
import org.spares.optimize.StockLevelInput;

/**
 * Simulates a plan next to the optimizer's predictions for it: the given levels, or, when none are given, the plan
 * the optimizer solves for the request. Pure: no I/O, safe from many threads.
 */
public final class PlanSimulator {

    private PlanSimulator() {
    }

    /**
     * @param levels the plan to check (positions not listed hold 0), or null to solve the request and check its plan
     * @throws org.spares.domain.DomainException VALIDATION_FAILED (422) naming the field; INFEASIBLE (422) when the
     *         request is solved and no plan meets its targets
     */
    public static PlanSimulation simulate(OptimizeRequest request, List<StockLevelInput> levels,
            SimulationSettings settings, SolverLimits limits, ProgressListener progress) {
        List<StockLevelInput> plan = levels != null ? levels : solved(request, limits);
        PlanEvaluation predicted = Optimizer.evaluate(request, plan);
        SimInput input = SimInput.of(request, plan);
        SimulationBounds.checkWork(input, settings);
        Simulation simulated = BaseStockSimulator.simulate(input.depots(), input.positions(), settings, progress);
        List<StockLevelInput> simulatedLevels = predicted.positions().stream()
                .filter(position -> position.pipelineMean() > 0.0 || position.stockLevel() > 0)
                .map(position -> new StockLevelInput(position.depot(), position.sku(), position.stockLevel()))
                .toList();
        return new PlanSimulation(simulatedLevels, predicted, simulated, settings);
    }

    private static List<StockLevelInput> solved(OptimizeRequest request, SolverLimits limits) {
        Plan plan = Optimizer.solve(request, limits, ProgressListener.NONE);
        return plan.positions().stream()
                .map(position -> new StockLevelInput(position.depot(), position.sku(), position.stockLevel()))
                .toList();
    }
}
