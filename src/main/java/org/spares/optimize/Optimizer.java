package org.spares.optimize;






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

    /** @throws org.spares.domain.DomainException VALIDATION_FAILED (422) */
    public static FrontierAnswer frontier(FrontierRequest request, SolverLimits limits, ProgressListener progress) {
        RequestValidator.validatePoints(request.points());
        StockModel model = ModelBuilder.buildForFrontier(request.model());
        return FrontierBuilder.frontier(model, request.points(), limits, progress);
    }
}
