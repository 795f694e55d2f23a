package org.spares.service;

import java.util.Locale;
import org.spares.domain.Depot;
import org.spares.optimize.PipelineDistribution;
import org.spares.service.OptimizationSnapshot.PositionHistory;

/**
 * The short text that says why a level is recommended: the demand seen, the lead time, and which target set the
 * level (the depot's fill-rate floor when one unit less would break it, else the parts-wait target at the least
 * holding cost). A manager reads it before applying.
 */
final class RecommendationReasons {
    private static final double TOLERANCE = 1e-12;

    private RecommendationReasons() {
    }

    static String reason(OptimizationSnapshot snapshot, PositionHistory position, int level, double fillRate,
            double backorders) {
        int days = snapshot.historyDays();
        if (position.unitsIssued() == 0) {
            return "no demand in " + days + " days";
        }
        double rate = OptimizationPlanner.ratePerDay(snapshot, position);
        double pipeline = rate * position.part().leadTimeDays();
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
                "%d units issued in %d days (%.4f/day), lead time %d days, so %.2f units on order on average",
                position.unitsIssued(), days, rate, position.part().leadTimeDays(), pipeline));
        if (position.varianceToMeanRatio() > 1.0 + 1e-9) {
            text.append(String.format(Locale.ROOT, " (weekly variance %.1f times the mean)",
                    position.varianceToMeanRatio()));
        }
        text.append("; ").append(why(position, level, fillRate, backorders, pipeline));
        return text.toString();
    }

    private static String why(PositionHistory position, int level, double fillRate, double backorders,
            double pipeline) {
        Depot depot = position.depot();
        if (level == 0) {
            return String.format(Locale.ROOT, "holding none meets the depot's targets at the least cost"
                    + " (%.3f expected backorders)", backorders);
        }
        if (depot.minFillRate() != null && fillRateBelow(level, pipeline, position.varianceToMeanRatio())
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
