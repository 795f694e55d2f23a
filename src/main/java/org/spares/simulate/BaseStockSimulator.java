package org.spares.simulate;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;
import java.util.stream.IntStream;
import org.spares.optimize.ProgressListener;

/**
 * A discrete-event simulation of one-for-one (base-stock) replenishment, the independent check of the optimizer's
 * mathematics (SIMULATION.md). Each position holds its stock level S (on hand + on order - backorders = S at all
 * times); every demand occurrence takes what is on hand and backorders the rest; every unit demanded is reordered at
 * once and arrives after the part's lead time, filling backorders first. Positions are independent.
 *
 * <p>Measured per replication, over {@code days} days after a warm-up of one lead time (see {@link RandomDemand}):
 * <ul>
 * <li>fill rate, FR(S) = P(X <= S - 1) of docs/OPTIMIZER.md: by PASTA the share of demand occurrences that find at least
 * one unit on hand. A depot's (and the total's) fill rate is the demand-weighted average of its positions' (weights
 * {@code ratePerDay} in units, as the optimizer weighs them); a position without demand weighs nothing. A
 * position's share divides the occurrences that found stock by the <em>expected</em> number of occurrences
 * (occurrences per day x days), not by the realised count: a slow part often sees no occurrence in a replication,
 * which leaves the realised share undefined, and dropping those replications would bias the average towards fast
 * parts. By PASTA and Campbell's theorem the expected number of occurrences that find stock is the expected count
 * times FR, so this share is unbiased; a replication's value may exceed 1 by noise, and the interval shows it.</li>
 * <li>expected backorders: the time-average number of units backordered (integral / days), summed over positions.</li>
 * <li>parts-wait hours: 24 * backorders / repair orders per day (Little's law, as the optimizer defines it); the
 * total uses the sum of the depots' repair orders. Null where there are none.</li>
 * </ul>
 * Deterministic for a given seed: each (replication, position) has its own random stream ({@link StreamSeeds}), so
 * the answer does not depend on the number of threads. Replications run in parallel on the common fork-join pool;
 * progress is reported from the calling thread, between batches of replications.
 */
public final class BaseStockSimulator {
    private static final int PROGRESS_STEPS = 20;

    private BaseStockSimulator() {
    }

    public static Simulation simulate(List<SimDepot> depots, List<SimPosition> positions,
            SimulationSettings settings, ProgressListener progress) {
        Objects.requireNonNull(progress, "progress");
        List<SimPosition> fixed = List.copyOf(positions);
        for (SimPosition position : fixed) {
            if (position.depotIndex() >= depots.size()) {
                throw new IllegalArgumentException("depotIndex " + position.depotIndex() + " has no depot");
            }
        }
        int replications = settings.replications();
        Replication[] results = new Replication[replications];
        // Progress is reported from this thread between batches, so a listener need not be thread-safe (the
        // optimization run's is not); a batch holds at least two replications per core to keep every core busy.
        int batch = Math.max(2 * Runtime.getRuntime().availableProcessors(), replications / PROGRESS_STEPS);
        for (int start = 0; start < replications; start += batch) {
            int end = Math.min(replications, start + batch);
            IntStream.range(start, end).parallel().forEach(replication ->
                    results[replication] = replicate(depots.size(), fixed, settings, replication));
            progress.progress((double) end / replications, "simulate");
        }
        return summarise(depots, fixed, settings, results);
    }

    /** Sums of one replication per depot: units-weighted filled occurrences and the backorder integral. */
    private record Replication(double[] weightedFilled, double[] backorderArea) {
    }

    private static Replication replicate(int depotCount, List<SimPosition> positions, SimulationSettings settings,
            int replication) {
        double[] weightedFilled = new double[depotCount];
        double[] backorderArea = new double[depotCount];
        BaseStockPosition state = new BaseStockPosition();
        for (int index = 0; index < positions.size(); index++) {
            SimPosition position = positions.get(index);
            SplittableRandom random = new SplittableRandom(StreamSeeds.of(settings.seed(), replication, index));
            RandomDemand.run(position, settings.days(), random, state);
            // ratePerDay * filled / (occurrencesPerDay * days) = mean size * filled / days; the division by days
            // and by the depot's rate happens once, in summarise
            weightedFilled[position.depotIndex()] += position.sizes().mean() * state.filled();
            backorderArea[position.depotIndex()] += state.backorderArea();
        }
        return new Replication(weightedFilled, backorderArea);
    }

    private static Simulation summarise(List<SimDepot> depots, List<SimPosition> positions,
            SimulationSettings settings, Replication[] results) {
        int depotCount = depots.size();
        double[] depotRate = new double[depotCount];
        for (SimPosition position : positions) {
            depotRate[position.depotIndex()] += position.ratePerDay();
        }
        double days = settings.days();
        List<SimulatedDepot> answer = new ArrayList<>(depotCount);
        for (int depot = 0; depot < depotCount; depot++) {
            int only = depot;
            answer.add(new SimulatedDepot(depots.get(depot).code(), measures(results, settings,
                    depotRate[depot], depots.get(depot).repairOrdersPerDay(),
                    result -> result.weightedFilled()[only] / days, result -> result.backorderArea()[only] / days)));
        }
        double totalRate = 0.0;
        double totalRepairs = 0.0;
        for (int depot = 0; depot < depotCount; depot++) {
            totalRate += depotRate[depot];
            totalRepairs += depots.get(depot).repairOrdersPerDay();
        }
        SimulatedMeasures total = measures(results, settings, totalRate, totalRepairs,
                result -> sum(result.weightedFilled()) / days, result -> sum(result.backorderArea()) / days);
        return new Simulation(answer, total);
    }

    private static SimulatedMeasures measures(Replication[] results, SimulationSettings settings, double rate,
            double repairsPerDay, ToDoubleFunction<Replication> filledPerDay,
            ToDoubleFunction<Replication> backorders) {
        int count = results.length;
        double[] fill = new double[count];
        double[] ebo = new double[count];
        double[] wait = new double[count];
        for (int replication = 0; replication < count; replication++) {
            // units-weighted filled occurrences per day over the units demanded per day; no demand fills everything
            fill[replication] = rate > 0.0 ? filledPerDay.applyAsDouble(results[replication]) / rate : 1.0;
            ebo[replication] = backorders.applyAsDouble(results[replication]);
            wait[replication] = repairsPerDay > 0.0 ? 24.0 * ebo[replication] / repairsPerDay : 0.0;
        }
        double confidence = settings.confidence();
        return new SimulatedMeasures(Estimate.of(fill, confidence), Estimate.of(ebo, confidence),
                repairsPerDay > 0.0 ? Estimate.of(wait, confidence) : null);
    }

    private static double sum(double[] values) {
        double sum = 0.0;
        for (double value : values) {
            sum += value;
        }
        return sum;
    }
}
