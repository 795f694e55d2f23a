package org.spares.service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.spares.domain.Depot;
import org.spares.domain.DepotResult;
import org.spares.domain.Money;
import org.spares.domain.Part;
import org.spares.domain.Recommendation;
import org.spares.optimize.DemandInput;
import org.spares.optimize.DepotInput;
import org.spares.optimize.OptimizeRequest;
import org.spares.optimize.PartInput;
import org.spares.optimize.Plan;
import org.spares.service.OptimizationSnapshot.DepotHistory;
import org.spares.service.OptimizationSnapshot.PositionHistory;

/**
 * The pure steps around the solver: the model built from a snapshot's forecasts (docs/FORECASTING.md "From forecast
 * to stock levels"), and the plan turned into recommendations and depot totals. Money stays BigDecimal here; the
 * optimizer works in doubles.
 */
public final class OptimizationPlanner {
    /** What a run recommends, ready to store. */
    public record Results(List<DepotResult> depots, List<Recommendation> recommendations,
            BigDecimal currentAnnualHoldingCost, BigDecimal recommendedAnnualHoldingCost) {
    }

    private OptimizationPlanner() {
    }

    /** True when there is something to solve: at least one position with a forecast above zero. */
    public static boolean hasDemand(OptimizationSnapshot snapshot) {
        return snapshot.positions().stream().anyMatch(PositionHistory::hasDemand);
    }

    public static OptimizeRequest request(OptimizationSnapshot snapshot) {
        Map<String, PartInput> parts = new LinkedHashMap<>();
        List<DemandInput> demand = new ArrayList<>();
        for (PositionHistory position : snapshot.positions()) {
            Part part = position.part();
            parts.putIfAbsent(part.sku(), new PartInput(part.sku(), part.averageUnitCost().doubleValue(),
                    part.holdingRate().doubleValue()));
            if (position.hasDemand()) {
                // Compound Poisson: the pipeline over the lead time has mean rate x lead time and the variance-to-
                // mean ratio E[size²] / E[size] of the requested sizes, which the optimizer fits as a negative
                // binomial.
                demand.add(new DemandInput(position.depot().code(), part.sku(), position.forecast().ratePerDay(),
                        (double) part.leadTimeDays(), position.forecast().varianceToMeanRatio()));
            }
        }
        List<DepotInput> depots = snapshot.depots().stream().map(history -> depotInput(snapshot, history)).toList();
        return new OptimizeRequest(List.copyOf(parts.values()), depots, demand, null, null, null, null);
    }

    /**
     * A depot that opened no repair orders in the window has no parts wait to bound (the wait target is per
     * repair order), so only its fill-rate floor applies.
     */
    private static DepotInput depotInput(OptimizationSnapshot snapshot, DepotHistory history) {
        Depot depot = history.depot();
        double ordersPerDay = (double) history.repairOrdersOpened() / snapshot.historyDays();
        Double maxWait = ordersPerDay > 0 ? depot.maxPartsWaitHours().doubleValue() : null;
        return new DepotInput(depot.code(), ordersPerDay, maxWait,
                depot.minFillRate() == null ? null : depot.minFillRate().doubleValue());
    }

    /** @param plan the solver's plan, or null when nothing had demand (everything is recommended 0) */
    public static Results results(OptimizationSnapshot snapshot, Plan plan) {
        Map<String, Plan.PositionPlan> planned = new HashMap<>();
        Map<String, Plan.DepotSummary> summaries = new HashMap<>();
        if (plan != null) {
            plan.positions().forEach(position -> planned.put(position.depot() + "/" + position.sku(), position));
            plan.depots().forEach(summary -> summaries.put(summary.code(), summary));
        }
        List<Recommendation> recommendations = new ArrayList<>();
        for (PositionHistory position : snapshot.positions()) {
            recommendations.add(recommend(snapshot, position,
                    planned.get(position.depot().code() + "/" + position.part().sku())));
        }
        List<DepotResult> depots = new ArrayList<>();
        BigDecimal current = BigDecimal.ZERO;
        BigDecimal recommended = BigDecimal.ZERO;
        for (DepotHistory history : snapshot.depots()) {
            DepotResult result = depotResult(snapshot, history, snapshot.positions(), recommendations,
                    summaries.get(history.depot().code()));
            depots.add(result);
            current = current.add(result.currentAnnualHoldingCost());
            recommended = recommended.add(result.recommendedAnnualHoldingCost());
        }
        return new Results(depots, recommendations, current, recommended);
    }

    private static Recommendation recommend(OptimizationSnapshot snapshot, PositionHistory position,
            Plan.PositionPlan plan) {
        boolean planned = plan != null && position.hasDemand();
        int level = planned ? plan.stockLevel() : 0;
        double backorders = planned ? plan.expectedBackorders() : 0.0;
        double fillRate = planned ? plan.fillRate() : 1.0;
        BigDecimal delta = Money.round(holdingCost(position.part())
                .multiply(BigDecimal.valueOf(level - position.currentTargetLevel())));
        return new Recommendation(0, position.depot().id(), position.part().id(), position.depot().code(),
                position.part().sku(), decimal(position.forecast().ratePerDay(), 8),
                decimal(position.forecast().varianceToMeanRatio(), 4), position.part().leadTimeDays(),
                position.currentTargetLevel(), level, decimal(backorders, 6), decimal(fillRate, 6), delta,
                RecommendationReasons.reason(snapshot, position, level, fillRate, backorders));
    }

    private static DepotResult depotResult(OptimizationSnapshot snapshot, DepotHistory history,
            List<PositionHistory> positions, List<Recommendation> recommendations, Plan.DepotSummary summary) {
        Depot depot = history.depot();
        int count = 0;
        int withDemand = 0;
        long currentUnits = 0;
        long recommendedUnits = 0;
        BigDecimal current = BigDecimal.ZERO;
        BigDecimal recommended = BigDecimal.ZERO;
        for (int index = 0; index < positions.size(); index++) {
            PositionHistory position = positions.get(index);
            if (position.depot().id() != depot.id()) {
                continue;
            }
            int level = recommendations.get(index).recommendedTargetLevel();
            BigDecimal holding = holdingCost(position.part());
            count++;
            withDemand += position.hasDemand() ? 1 : 0;
            currentUnits += position.currentTargetLevel();
            recommendedUnits += level;
            current = current.add(holding.multiply(BigDecimal.valueOf(position.currentTargetLevel())));
            recommended = recommended.add(holding.multiply(BigDecimal.valueOf(level)));
        }
        BigDecimal ordersPerDay = BigDecimal.valueOf(history.repairOrdersOpened())
                .divide(BigDecimal.valueOf(snapshot.historyDays()), 6, RoundingMode.HALF_UP);
        return new DepotResult(depot.id(), depot.code(), ordersPerDay, depot.maxPartsWaitHours(),
                depot.minFillRate(), count, withDemand, currentUnits, recommendedUnits, Money.round(current),
                Money.round(recommended), decimal(summary == null ? 0.0 : summary.expectedBackorders(), 6),
                summary == null || summary.partsWaitHours() == null ? null : decimal(summary.partsWaitHours(), 4),
                decimal(summary == null ? 1.0 : summary.fillRate(), 6), null, null);
    }

    /** Yearly cost of holding one unit: the part's average cost times its holding rate. */
    static BigDecimal holdingCost(Part part) {
        return part.averageUnitCost().multiply(part.holdingRate());
    }

    private static BigDecimal decimal(double value, int scale) {
        return BigDecimal.valueOf(value).setScale(scale, RoundingMode.HALF_UP);
    }
}
