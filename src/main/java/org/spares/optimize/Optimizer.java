package org.spares.optimize;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The entry points for the HTTP resource, the background run and the CLI: validate, build, solve.
 * Pure functions: no I/O, no shared state; safe to call from many threads.
 */
public final class Optimizer {

    private Optimizer() {
    }

    /** @throws org.spares.domain.DomainException VALIDATION_FAILED (422) or INFEASIBLE (422) */
    public static Plan solve(OptimizeRequest request, SolverLimits limits, ProgressListener progress) {
        StockModel model = ModelBuilder.build(request);
        return StockSolver.solve(model, limits, progress);
    }

    /**
     * The model's predictions for a given plan, without solving: the same evaluation as a solved plan's report.
     * Positions not listed hold 0. Targets the plan breaks are named in the answer, not refused.
     *
     * @throws org.spares.domain.DomainException VALIDATION_FAILED (422) naming the field, in the model or in
     *         {@code stockLevels[i]}
     */
    public static PlanEvaluation evaluate(OptimizeRequest request, List<StockLevelInput> levels) {
        StockModel model = ModelBuilder.buildForEvaluation(request);
        RequestValidator.validateStockLevels(request, levels);
        Map<String, Integer> depotIndex = new HashMap<>();
        for (int depot = 0; depot < model.depots().size(); depot++) {
            depotIndex.put(model.depots().get(depot).code(), depot);
        }
        Map<String, Integer> partIndex = new HashMap<>();
        for (int part = 0; part < model.allSkus().size(); part++) {
            partIndex.put(model.allSkus().get(part), part);
        }
        int[][] levelOf = new int[model.depots().size()][model.allSkus().size()];
        for (StockLevelInput level : levels) {
            levelOf[depotIndex.get(level.depot())][partIndex.get(level.sku())] = level.stockLevel();
        }
        return PlanReport.evaluate(new UnitProblem(model), levelOf);
    }

    /** @throws org.spares.domain.DomainException VALIDATION_FAILED (422) */
    public static FrontierAnswer frontier(FrontierRequest request, SolverLimits limits, ProgressListener progress) {
        RequestValidator.validatePoints(request.points());
        StockModel model = ModelBuilder.buildForFrontier(request.model());
        return FrontierBuilder.frontier(model, request.points(), limits, progress);
    }
}
