package org.spares.optimize;

import static org.assertj.core.api.Assertions.assertThat;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.spares.domain.Position;


/** An exact phase that answers an infeasible plan is never answered: the heuristic's feasible plan is. */
class FallBackTest {
    @Test
    void anInfeasiblePlanFallsBackToTheFeasibleStart() throws Exception {
        OptimizeRequest request = VectorFiles.MAPPER.treeToValue(VectorFiles.read("solve-3x3-wait-per-depot.json")
                .get("request"), OptimizeRequest.class);
        StockModel model = ModelBuilder.build(request);
        Plan solved = Optimizer.solve(request, SolverLimits.defaults(), ProgressListener.NONE);
        Map<String, Integer> solvedLevels = new HashMap<>();
        solved.positions().forEach(plan -> solvedLevels.put(plan.depot() + "/" + plan.sku(), plan.stockLevel()));
        List<StockModel.Position> positions = model.positions();
        int[] feasible = new int[positions.size()];
        for (int index = 0; index < feasible.length; index++) {
            StockModel.Position position = positions.get(index);
            feasible[index] = solvedLevels.get(model.depots().get(position.depotIndex()).code() + "/"
                    + model.allSkus().get(position.partIndex()));
        }
        int[] broken = new int[feasible.length];
        Plan answered = StockSolver.reportOrFallBack(new UnitProblem(model), broken, feasible, solved.lowerBound(), 1);
        assertThat(answered.annualHoldingCost()).isEqualTo(solved.annualHoldingCost());
        IndependentCheck.assertFeasible(request, answered);
    }

    /**
     * Should the heuristic's plan miss a cap too (the search's gain form rounds where the report's tail sums do
     * not), it is topped up to the caps before it is answered: here both plans are empty, and the answer still meets
     * every target, costs at least the optimum, and keeps the proven bound.
     */
    @Test
    void aStartThatMissesACapIsToppedUpBeforeItIsAnswered() throws Exception {
        OptimizeRequest request = VectorFiles.MAPPER.treeToValue(VectorFiles.read("solve-3x3-wait-per-depot.json")
                .get("request"), OptimizeRequest.class);
        StockModel model = ModelBuilder.build(request);
        Plan solved = Optimizer.solve(request, SolverLimits.defaults(), ProgressListener.NONE);
        int count = model.positions().size();
        Plan answered = StockSolver.reportOrFallBack(new UnitProblem(model), new int[count], new int[count],
                solved.lowerBound(), 1);
        IndependentCheck.assertFeasible(request, answered);
        assertThat(answered.annualHoldingCost()).isGreaterThanOrEqualTo(solved.annualHoldingCost());
        assertThat(answered.lowerBound()).isEqualTo(solved.lowerBound());
    }
}
