package org.spares.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.spares.forecast.Classification;
import org.spares.forecast.DemandHistory;
import org.spares.forecast.ForecastMethod;
import org.spares.forecast.Forecaster;
import org.spares.forecast.MethodChoiceStudy;
import org.spares.forecast.NaiveBacktest;
import org.spares.forecast.SyntheticDemand;

/**
 * Forecasting benchmark, one thread. The demo's shape first (1,000 positions, 365 days in weeks: the first forecasts
 * in this JVM, then warm), then 100,000 positions over 104 weeks. Each is timed three ways in the same run: the
 * forecast as shipped ({@link Forecaster}: buckets, classification, one-pass backtest, forecast); the naive
 * baseline (buckets, classification and the backtest refitted at every origin, {@link NaiveBacktest}, the cost
 * before the one-pass backtest); and the floor (buckets, classification and the mean, no backtest). Positions draw
 * their process uniformly from {@link SyntheticDemand}. Then the method-choice study's table.
 * Arguments: [large positions, default 100000] [naive subset of the large case, default 5000].
 */
public final class ForecastBenchmark {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private ForecastBenchmark() {
    }

    public static void main(String[] arguments) {
        int large = arguments.length > 0 ? Integer.parseInt(arguments[0]) : 100_000;
        int naiveSubset = arguments.length > 1 ? Integer.parseInt(arguments[1]) : 5_000;
        System.out.printf("nproc %d, load average %.2f at start, max heap %d MB, java %s%n",
                Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().maxMemory() / (1024 * 1024), System.getProperty("java.runtime.version"));
        List<DemandHistory> demo = histories(1_000, 365, 1L);
        System.out.println("| case | positions | buckets | wall s | CPU s | µs per position |");
        System.out.println("| --- | ---: | ---: | ---: | ---: | ---: |");
        time("demo shape: forecast, first in this JVM", demo, ForecastBenchmark::forecast);
        time("demo shape: forecast, second", demo, ForecastBenchmark::forecast);
        time("demo shape: baseline naive backtest", demo, ForecastBenchmark::naive);
        time("demo shape: floor, mean only", demo, ForecastBenchmark::meanOnly);
        time("demo shape: forecast, third", demo, ForecastBenchmark::forecast);
        List<DemandHistory> many = histories(large, 104 * 7, 2L);
        time("104 weeks: forecast", many, ForecastBenchmark::forecast);
        time("104 weeks: baseline naive backtest, first " + naiveSubset, many.subList(0, naiveSubset),
                ForecastBenchmark::naive);
        time("104 weeks: floor, mean only", many, ForecastBenchmark::meanOnly);
        time("104 weeks: forecast, again", many, ForecastBenchmark::forecast);
        System.out.println();
        System.out.println("Method-choice study, 1,000 series per process, seed " + MethodChoiceStudy.SEED + ":");
        System.out.println();
        long started = System.nanoTime();
        System.out.print(MethodChoiceStudy.table(MethodChoiceStudy.run(1_000, MethodChoiceStudy.SEED)));
        System.out.printf("(study: %.2f s)%n", (System.nanoTime() - started) / 1e9);
    }

    /** Histories of {@code days} days in weeks, each from a process drawn uniformly. */
    private static List<DemandHistory> histories(int count, int days, long seed) {
        Random random = new Random(seed);
        SyntheticDemand[] processes = SyntheticDemand.values();
        List<DemandHistory> histories = new ArrayList<>(count);
        for (int index = 0; index < count; index++) {
            histories.add(processes[random.nextInt(processes.length)].history(days, 7, random));
        }
        return histories;
    }

    /** A checksum out of each position's result, so the JIT cannot drop the work. */
    private interface Work {
        double apply(DemandHistory history);
    }

    private static void time(String name, List<DemandHistory> histories, Work work) {
        double checksum = 0;
        long cpu = THREADS.getCurrentThreadCpuTime();
        long started = System.nanoTime();
        for (DemandHistory history : histories) {
            checksum += work.apply(history);
        }
        double wall = (System.nanoTime() - started) / 1e9;
        double cpuSeconds = (THREADS.getCurrentThreadCpuTime() - cpu) / 1e9;
        System.out.printf("| %s | %d | %d | %.3f | %.3f | %.1f |%n", name, histories.size(),
                histories.get(0).buckets().length, wall, cpuSeconds, 1e6 * wall / histories.size());
        if (Double.isNaN(checksum)) {
            throw new IllegalStateException("a forecast was NaN");
        }
    }

    private static double forecast(DemandHistory history) {
        return Forecaster.forecast(history).ratePerDay();
    }

    private static double naive(DemandHistory history) {
        int[] buckets = history.buckets();
        double classified = Classification.of(buckets).demandClass().ordinal();
        Map<ForecastMethod, Double> scores = NaiveBacktest.rmsse(buckets);
        return classified + (scores == null ? 0 : scores.get(ForecastMethod.MEAN));
    }

    private static double meanOnly(DemandHistory history) {
        int[] buckets = history.buckets();
        return Classification.of(buckets).demandClass().ordinal() + ForecastMethod.MEAN.next(buckets);
    }
}
