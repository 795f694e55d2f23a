package org.spares.optimize;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.spares.demo.DemoCatalogue;
import org.spares.demo.DemoCatalogue.DepotSpec;
import org.spares.demo.DemoCatalogue.PartSpec;
import org.spares.demo.DemoSettings;

/**
 * Optimizer requests that look like what {@code POST /optimizations} builds from a seed-demo database: the demo's
 * own catalogue (Zipf-popular parts, unit costs from a few dollars to thousands, lead times of 3 to 60 days, depot
 * wait targets {@code targetTurnaroundHours - meanRepairHours} and fill-rate floors), a history of repair orders
 * with one to three part lines each, and the estimates the service makes from it: rate = units issued / days,
 * variance-to-mean from weekly units ({@link #varianceToMean}, so ratios a rounding above 1
 * and the cap of 10 occur as they do in production), repair orders per day.
 *
 * <p>Two departures from the demo, both stated: a catalogue larger than the demo's default 200 parts serves
 * proportionally more repair orders (a 5,000-part operation is not as busy as a 200-part one, and without the
 * scaling most large positions would have no demand at all, which measures nothing); and 3 % of part lines are an
 * overhaul batch of 5 to 20 units, the lumpy issues that push weekly ratios up to the cap.
 */
public final class RealisticModels {
    private static final int DEMO_PARTS = 200;
    private static final double BATCH_SHARE = 0.03;

    private RealisticModels() {
    }

    public static OptimizeRequest generate(int depotCount, int partCount, int days, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        DemoSettings settings = new DemoSettings(depotCount, partCount, days, seed, Instant.EPOCH);
        DemoCatalogue catalogue = DemoCatalogue.draw(settings, random);
        List<PartSpec> parts = catalogue.parts();
        double[] cumulativeShare = cumulativeShares(parts);
        double busyness = Math.max(1.0, (double) partCount / DEMO_PARTS);
        int weeks = days / 7;
        List<DepotInput> depots = new ArrayList<>();
        List<DemandInput> demand = new ArrayList<>();
        for (DepotSpec depot : catalogue.depots()) {
            long[] units = new long[partCount];
            long[][] weekly = new long[partCount][];
            long orders = 0;
            for (int day = 0; day < days; day++) {
                boolean weekend = day % 7 >= 5;
                int opened = poisson(random, busyness * depot.ordersPerWeekday() * (weekend ? 0.3 : 1.0));
                orders += opened;
                int week = (days - 1 - day) / 7;
                for (int order = 0; order < opened; order++) {
                    if (random.nextDouble() >= 0.75) {
                        continue;
                    }
                    issueLines(random, parts, cumulativeShare, units, weekly, week < weeks ? week : -1, weeks);
                }
            }
            double ordersPerDay = (double) orders / days;
            double wait = depot.targetTurnaroundHours().subtract(depot.meanRepairHours()).doubleValue();
            depots.add(new DepotInput(depot.code(), ordersPerDay, ordersPerDay > 0 ? wait : null,
                    depot.minFillRate() == null ? null : depot.minFillRate().doubleValue()));
            for (int part = 0; part < partCount; part++) {
                if (units[part] > 0) {
                    long[] series = weekly[part] == null ? new long[weeks] : weekly[part];
                    demand.add(new DemandInput(depot.code(), parts.get(part).sku(), (double) units[part] / days,
                            (double) parts.get(part).leadTimeDays(), varianceToMean(series)));
                }
            }
        }
        List<PartInput> partInputs = parts.stream().map(part -> new PartInput(part.sku(),
                part.unitCost().doubleValue(), part.holdingRate().doubleValue())).toList();
        return new OptimizeRequest(partInputs, depots, demand, null, null, null, null);
    }

    /** One to three distinct parts by popularity (60/30/10 %), quantities as the demo draws them, some batches. */
    private static void issueLines(SplittableRandom random, List<PartSpec> parts, double[] cumulativeShare,
            long[] units, long[][] weekly, int week, int weeks) {
        double draw = random.nextDouble();
        int count = Math.min(draw < 0.6 ? 1 : draw < 0.9 ? 2 : 3, parts.size());
        int[] chosen = new int[count];
        int line = 0;
        while (line < count) {
            int part = popularPart(random, cumulativeShare);
            if (contains(chosen, line, part)) {
                continue;
            }
            chosen[line++] = part;
            int most = (int) Math.round(2 * parts.get(part).meanQuantity() - 1);
            int quantity = random.nextDouble() < BATCH_SHARE ? 5 + random.nextInt(16) : 1 + random.nextInt(most);
            units[part] += quantity;
            if (week >= 0) {
                if (weekly[part] == null) {
                    weekly[part] = new long[weeks];
                }
                weekly[part][week] += quantity;
            }
        }
    }

    private static boolean contains(int[] chosen, int count, int part) {
        for (int index = 0; index < count; index++) {
            if (chosen[index] == part) {
                return true;
            }
        }
        return false;
    }

    private static double[] cumulativeShares(List<PartSpec> parts) {
        double[] cumulative = new double[parts.size()];
        double sum = 0.0;
        for (int index = 0; index < cumulative.length; index++) {
            sum += parts.get(index).share();
            cumulative[index] = sum;
        }
        return cumulative;
    }

    private static int popularPart(SplittableRandom random, double[] cumulativeShare) {
        double draw = random.nextDouble() * cumulativeShare[cumulativeShare.length - 1];
        int index = Arrays.binarySearch(cumulativeShare, draw);
        return index >= 0 ? index : Math.min(-index - 1, cumulativeShare.length - 1);
    }

    /** Knuth's method for small means, a rounded normal for large ones (busy depots of a large catalogue). */
    private static int poisson(SplittableRandom random, double mean) {
        if (mean > 50.0) {
            double gaussian = Math.sqrt(-2.0 * Math.log(1.0 - random.nextDouble()))
                    * Math.cos(2.0 * Math.PI * random.nextDouble());
            return Math.max(0, (int) Math.round(mean + Math.sqrt(mean) * gaussian));
        }
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        int count = 0;
        while (product > limit) {
            product *= random.nextDouble();
            count++;
        }
        return count;
    }

    /**
     * Sample variance over mean of the weekly units, at least 1 and at most 10: how runs estimated the ratio before
     * forecasts (FORECASTING.md) replaced it. The generator keeps it so the optimizer's benchmark figures stay
     * comparable from run to run; the solver sees the same kind of model either way.
     */
    static double varianceToMean(long[] weeklyUnits) {
        int weeks = weeklyUnits.length;
        double sum = 0.0;
        for (long units : weeklyUnits) {
            sum += units;
        }
        if (weeks < 2 || sum == 0.0) {
            return 1.0;
        }
        double mean = sum / weeks;
        double squares = 0.0;
        for (long units : weeklyUnits) {
            squares += (units - mean) * (units - mean);
        }
        return Math.min(10.0, Math.max(1.0, squares / (weeks - 1) / mean));
    }
}
