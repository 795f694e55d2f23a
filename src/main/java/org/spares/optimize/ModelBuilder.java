package org.spares.optimize;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.spares.domain.Depot;
import org.spares.domain.DomainException;
import org.spares.domain.ErrorCode;
import org.spares.domain.Position;

/** Turns a validated request into a {@link StockModel}, and rejects targets no stock can meet (INFEASIBLE). */
public final class ModelBuilder {

    private ModelBuilder() {
    }

    /** Validates (422 VALIDATION_FAILED) and checks feasibility (422 INFEASIBLE). */
    public static StockModel build(OptimizeRequest request) {
        StockModel model = assemble(request);
        checkFeasible(model);
        return model;
    }

    /**
     * Validates (422 VALIDATION_FAILED) but does not check feasibility: a given plan is evaluated against its targets
     * whether or not any plan could meet them.
     */
    static StockModel buildForEvaluation(OptimizeRequest request) {
        return assemble(request);
    }

    private static StockModel assemble(OptimizeRequest request) {
        RequestValidator.validate(request);
        Map<String, Integer> partIndex = new HashMap<>();
        List<String> skus = new ArrayList<>();
        List<Double> holdingCosts = new ArrayList<>();
        for (PartInput part : request.parts()) {
            partIndex.put(part.sku(), skus.size());
            skus.add(part.sku());
            holdingCosts.add(part.unitCost() * part.holdingRate());
        }
        // each objective reads only its own fields (OptimizeRequest); the others are dropped here
        boolean minimiseBackorders = request.objective() == Objective.MIN_BACKORDERS;
        Map<String, Integer> depotIndex = new HashMap<>();
        List<StockModel.Depot> depots = new ArrayList<>();
        for (DepotInput depot : request.depots()) {
            depotIndex.put(depot.code(), depots.size());
            Double limit = depot.maxPartsWaitHours() == null || minimiseBackorders ? null
                    : depot.repairOrdersPerDay() * depot.maxPartsWaitHours() / 24.0;
            double minFillRate = depot.minFillRate() == null ? 0.0 : depot.minFillRate();
            depots.add(new StockModel.Depot(depot.code(), depot.repairOrdersPerDay(), depot.maxPartsWaitHours(),
                    limit, minFillRate));
        }
        List<StockModel.Position> positions = new ArrayList<>();
        for (DemandInput row : request.demand()) {
            double mean = row.ratePerDay() * row.leadTimeDays();
            if (mean == 0.0) {
                continue;
            }
            int depot = depotIndex.get(row.depot());
            int part = partIndex.get(row.sku());
            PipelineDistribution distribution = PipelineDistribution.of(mean, row.varianceToMeanRatio());
            int floor = Constraints.fillRateFloor(distribution, depots.get(depot).minFillRate());
            positions.add(new StockModel.Position(depot, part, holdingCosts.get(part), row.ratePerDay(),
                    distribution, floor));
        }
        return new StockModel(depots, skus, holdingCosts, positions,
                minimiseBackorders ? null : request.maxTotalBackorders(), request.costModel(), request.objective(),
                minimiseBackorders ? request.annualBudget() : null);
    }

    /**
     * The frontier trades cost against backorders, so the request's targets are not constraints there: they are
     * validated like a solve request, then dropped; the fill-rate floors stay (every point starts from them).
     */
    static StockModel buildForFrontier(OptimizeRequest request) {
        RequestValidator.validate(request);
        List<DepotInput> depots = request.depots().stream()
                .map(depot -> new DepotInput(depot.code(), depot.repairOrdersPerDay(), null, depot.minFillRate()))
                .toList();
        return build(new OptimizeRequest(request.parts(), depots, request.demand(), null, request.costModel(),
                Objective.MIN_COST, null));
    }

    /**
     * A cap below this share of the mean pipeline it bounds is refused as INFEASIBLE: the search counts the row as
     * gains summed up to the mean (sum of means - cap), which holds about 1e-13 of the mean, so a smaller cap is
     * below what it can tell apart (at a mean of 100,000 a cap of 1e-12 asked for every unit up to the underflow of
     * the tail and called the result optimal). Realistic caps are a fraction of the mean, never 1e-10 of it.
     */
    static final double CAP_RESOLUTION = 1e-10;

    /** EBO > 0 for every position with demand, so a cap of 0 (or less) on backorders can never be met. */
    private static void checkFeasible(StockModel model) {
        double[] depotDemand = new double[model.depots().size()];
        double floorCost = 0.0;
        for (StockModel.Position position : model.positions()) {
            depotDemand[position.depotIndex()] += position.mean();
            floorCost += position.holdingCost() * position.floor();
        }
        for (int index = 0; index < depotDemand.length; index++) {
            StockModel.Depot depot = model.depots().get(index);
            if (depot.backorderLimit() != null && depot.backorderLimit() <= CAP_RESOLUTION * depotDemand[index]
                    && depotDemand[index] > 0.0) {
                throw infeasible("depot " + depot.code() + ": maxPartsWaitHours " + depot.maxPartsWaitHours()
                        + " leaves no time to wait for parts (the backorders it allows must be more than "
                        + CAP_RESOLUTION + " of the depot's mean pipeline), but the depot has demand",
                        Map.of("depot", depot.code(), "target", "maxPartsWaitHours",
                                "value", depot.maxPartsWaitHours()));
            }
        }
        boolean anyDemand = !model.positions().isEmpty();
        double totalDemand = Arrays.stream(depotDemand).sum();
        if (model.backorderLimit() != null && model.backorderLimit() <= CAP_RESOLUTION * totalDemand && anyDemand) {
            throw infeasible("maxTotalBackorders " + model.backorderLimit() + " cannot be met: every position with "
                    + "demand has expected backorders > 0, and a cap must be more than " + CAP_RESOLUTION
                    + " of the mean pipeline it bounds (" + totalDemand + ") to be resolved",
                    Map.of("target", "maxTotalBackorders", "value", model.backorderLimit()));
        }
        if (model.annualBudget() != null && !Constraints.atMost(floorCost, model.annualBudget())) {
            throw infeasible("annualBudget " + model.annualBudget() + " is below " + floorCost
                    + ", the cost of the stock the fill-rate floors require",
                    Map.of("target", "annualBudget", "value", model.annualBudget(), "required", floorCost));
        }
    }

    static DomainException infeasible(String message, Map<String, Object> details) {
        return new DomainException(ErrorCode.INFEASIBLE, message, details);
    }
}
