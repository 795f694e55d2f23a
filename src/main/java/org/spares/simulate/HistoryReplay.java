package org.spares.simulate;

import java.util.ArrayList;
import java.util.List;

/**
 * Replays actual demand against base-stock levels: what the levels would have done over a past window, with the
 * rules of {@link BaseStockSimulator} (issue from stock, backorder the rest, reorder every unit at once, arrival after
 * the lead time).
 *
 * <p>Each position starts full at day 0 (on hand = stock level, nothing on order). That flatters the first lead time
 * of the window: in steady state some of the stock would be on order then, so the replay's backorders in the first
 * L days are lower than the policy's. A window many lead times long keeps that error small.
 *
 * <p>Measures, per depot and in total: the fill rate as the share of occurrences that found at least one unit on
 * hand, per position, averaged over a depot's positions weighted by the units each one demanded (a position
 * without demand weighs nothing; a depot without any has fill rate 1); expected backorders as the time-average of
 * units backordered, summed; parts-wait hours 24 * backorders / repair orders per day (null without repair orders;
 * the total uses the depots' sum).
 */
public final class HistoryReplay {

    private HistoryReplay() {
    }

    /** @param days the window's length; events at or after it are ignored */
    public static ReplayedMeasures replay(List<SimDepot> depots, List<ReplayPosition> positions, double days) {
        if (!(days > 0.0) || Double.isInfinite(days)) {
            throw new IllegalArgumentException("days must be finite and > 0: " + days);
        }
        int depotCount = depots.size();
        double[] weightedFill = new double[depotCount];
        double[] units = new double[depotCount];
        double[] backorderArea = new double[depotCount];
        BaseStockPosition state = new BaseStockPosition();
        for (ReplayPosition position : positions) {
            if (position.depotIndex() >= depotCount) {
                throw new IllegalArgumentException("depotIndex " + position.depotIndex() + " has no depot");
            }
            state.reset(position.stockLevel(), position.leadTimeDays(), 0.0);
            for (int index = 0; index < position.eventCount() && position.day(index) < days; index++) {
                state.occur(position.day(index), position.size(index));
            }
            state.finish(days);
            int depot = position.depotIndex();
            if (state.occurrences() > 0) {
                double fillRate = (double) state.filled() / state.occurrences();
                weightedFill[depot] += state.unitsDemanded() * fillRate;
                units[depot] += state.unitsDemanded();
            }
            backorderArea[depot] += state.backorderArea();
        }
        List<Measures> answer = new ArrayList<>(depotCount);
        double totalFill = 0.0;
        double totalUnits = 0.0;
        double totalArea = 0.0;
        double totalRepairs = 0.0;
        for (int depot = 0; depot < depotCount; depot++) {
            answer.add(measures(weightedFill[depot], units[depot], backorderArea[depot] / days,
                    depots.get(depot).repairOrdersPerDay()));
            totalFill += weightedFill[depot];
            totalUnits += units[depot];
            totalArea += backorderArea[depot];
            totalRepairs += depots.get(depot).repairOrdersPerDay();
        }
        return new ReplayedMeasures(answer, measures(totalFill, totalUnits, totalArea / days, totalRepairs));
    }

    private static Measures measures(double weightedFill, double units, double backorders, double repairsPerDay) {
        return new Measures(units > 0.0 ? weightedFill / units : 1.0, backorders,
                repairsPerDay > 0.0 ? 24.0 * backorders / repairsPerDay : null);
    }
}
