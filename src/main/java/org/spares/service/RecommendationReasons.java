package org.spares.service;

import java.util.Locale;
import org.spares.domain.Depot;
import org.spares.forecast.Forecast;
import org.spares.optimize.PipelineDistribution;
import org.spares.service.OptimizationSnapshot.PositionHistory;

/**
 * The short text that says why a level is recommended: the demand requested, its class and the forecast made from
 * it (method, rate, variance-to-mean ratio), the lead time, and which target set the level (the depot's fill-rate floor when one unit less would break it, else the parts-wait target at the least
 * holding cost). A manager reads it before applying.
 */
final class RecommendationReasons {
    private static final double TOLERANCE = 1e-12;

    private RecommendationReasons() {
    }

    static String reason(OptimizationSnapshot snapshot, PositionHistory position, int level, double fillRate,
            double backorders) {
        int days = snapshot.historyDays();
        Forecast forecast = position.forecast();
        if (position.requests().isEmpty()) {
            return "no demand requested in " + days + " days";
        }
        String demand = String.format(Locale.ROOT, "%d units requested in %d requests over %d days: %s demand,"
                + " %s forecast %.4f/day, variance-to-mean ratio %.2f (mean request %.2f units)",
                position.unitsRequested(), position.requests().size(), days, forecast.demandClass(),
                forecast.method(), forecast.ratePerDay(), forecast.varianceToMeanRatio(), forecast.meanSize());
        if (!position.hasDemand()) {
            return demand + "; nothing expected, so none is held";
        }
        double pipeline = forecast.ratePerDay() * position.part().leadTimeDays();
        return demand + String.format(Locale.ROOT, "; lead time %d days, so %.2f units on order on average; ",
                position.part().leadTimeDays(), pipeline)
                + why(position, level, fillRate, backorders, pipeline);
    }

    private static String why(PositionHistory position, int level, double fillRate, double backorders,
            double pipeline) {
        Depot depot = position.depot();
        if (level == 0) {
            return String.format(Locale.ROOT, "holding none meets the depot's targets at the least cost"
                    + " (%.3f expected backorders)", backorders);
        }
        if (depot.minFillRate() != null && fillRateBelow(level, pipeline, position.forecast().varianceToMeanRatio())
                < depot.minFillRate().doubleValue() - TOLERANCE) {
            return String.format(Locale.ROOT, "%d is the fewest units that meet the depot's fill-rate floor %s"
                    + " (fill rate %.3f)", level, depot.minFillRate().stripTrailingZeros().toPlainString(), fillRate);
        }
        return String.format(Locale.ROOT, "%d units keep the depot's parts wait within %s hours per repair at the"
                + " least holding cost (fill rate %.3f, %.3f expected backorders)", level,
                depot.maxPartsWaitHours().stripTrailingZeros().toPlainString(), fillRate, backorders);
    }

    /** FR(S - 1) = P(X <= S - 2): the fill rate one unit less would give. */
    private static double fillRateBelow(int level, double pipeline, double varianceToMean) {
        if (level < 2) {
            return 0.0;
        }
        return PipelineDistribution.of(pipeline, varianceToMean).cumulative(level - 2);
    }
}
