package org.spares.forecast;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Does choosing a method by backtest beat the mean, out of sample? For each {@link SyntheticDemand} process, series
 * of 104 weekly buckets: the method is chosen by {@link Forecaster} on the first 78 buckets only, then every method
 * (and the chosen one) forecasts buckets 78-103 one step ahead, refitted on all buckets before each. A series' score
 * is its RMSSE over those 26 forecasts, scaled by the naive one-step error of buckets [0, 78), the part the choice
 * saw; a series whose first 78 buckets have no naive error (no demand at all) cannot be scaled and is left out.
 *
 * <p>Run {@link #main} for the table in docs/FORECASTING.md.
 */
public final class MethodChoiceStudy {
    public static final int BUCKETS = 104;
    public static final int TRAINING = 78;
    public static final int BUCKET_DAYS = 7;
    public static final long SEED = 20_261_126L;

    private MethodChoiceStudy() {
    }

    /** One process's results: the series scored, the mean RMSSE of the chosen method and of each fixed method. */
    public record Row(SyntheticDemand process, int scored, int unscaled, double chosen,
            Map<ForecastMethod, Double> fixed, Map<ForecastMethod, Integer> choices,
            Map<DemandClass, Integer> classes, int betterThanMean, int worseThanMean) {
    }

    public static void main(String[] arguments) {
        int series = arguments.length > 0 ? Integer.parseInt(arguments[0]) : 1_000;
        System.out.print(table(run(series, SEED)));
    }

    public static List<Row> run(int seriesPerProcess, long seed) {
        List<Row> rows = new ArrayList<>();
        for (SyntheticDemand process : SyntheticDemand.values()) {
            rows.add(study(process, seriesPerProcess, new Random(seed + process.ordinal())));
        }
        return rows;
    }

    private static Row study(SyntheticDemand process, int count, Random random) {
        Map<ForecastMethod, Double> fixed = new EnumMap<>(ForecastMethod.class);
        Map<ForecastMethod, Integer> choices = new EnumMap<>(ForecastMethod.class);
        Map<DemandClass, Integer> classes = new EnumMap<>(DemandClass.class);
        for (ForecastMethod method : ForecastMethod.values()) {
            fixed.put(method, 0.0);
            choices.put(method, 0);
        }
        double chosen = 0;
        int scored = 0;
        int betterThanMean = 0;
        int worseThanMean = 0;
        for (int index = 0; index < count; index++) {
            DemandHistory history = process.history(BUCKETS * BUCKET_DAYS, BUCKET_DAYS, random);
            int[] series = history.buckets();
            double scale = naiveError(series);
            if (scale == 0) {
                continue;
            }
            scored++;
            Forecast choice = Forecaster.forecast(training(history));
            choices.merge(choice.method(), 1, Integer::sum);
            classes.merge(choice.demandClass(), 1, Integer::sum);
            Map<ForecastMethod, Double> scores = new EnumMap<>(ForecastMethod.class);
            for (ForecastMethod method : ForecastMethod.values()) {
                double score = holdoutRmsse(method, series, scale);
                scores.put(method, score);
                fixed.merge(method, score, Double::sum);
            }
            chosen += scores.get(choice.method());
            int comparison = Double.compare(scores.get(choice.method()), scores.get(ForecastMethod.MEAN));
            betterThanMean += comparison < 0 ? 1 : 0;
            worseThanMean += comparison > 0 ? 1 : 0;
        }
        int scoredSeries = scored;
        fixed.replaceAll((method, sum) -> sum / scoredSeries);
        return new Row(process, scored, count - scored, chosen / scored, fixed, choices, classes, betterThanMean,
                worseThanMean);
    }

    /** The history cut after the training buckets: what the choice may see. */
    private static DemandHistory training(DemandHistory history) {
        int days = TRAINING * BUCKET_DAYS;
        return new DemandHistory(days, history.events().stream().filter(event -> event.day() < days).toList(),
                BUCKET_DAYS);
    }

    /** Mean squared one-step naive error of the training buckets. */
    private static double naiveError(int[] series) {
        double sum = 0;
        for (int index = 1; index < TRAINING; index++) {
            double step = series[index] - series[index - 1];
            sum += step * step;
        }
        return sum / (TRAINING - 1);
    }

    /** RMSSE of the method's one-step forecasts of the holdout buckets, each refitted on every bucket before it. */
    private static double holdoutRmsse(ForecastMethod method, int[] series, double scale) {
        double[] forecasts = OneStepForecasts.of(method, series, TRAINING);
        double squared = 0;
        for (int origin = TRAINING; origin < series.length; origin++) {
            double error = series[origin] - forecasts[origin - TRAINING];
            squared += error * error;
        }
        return Math.sqrt(squared / (series.length - TRAINING) / scale);
    }

    /** The rows as a Markdown table. */
    public static String table(List<Row> rows) {
        StringBuilder table = new StringBuilder();
        table.append("| process | scored | chosen | MEAN | CROSTON | SBA | TSB | chosen better / worse than MEAN"
                + " | chosen: MEAN / CROSTON / SBA / TSB"
                + " | class on the first 78: smooth / erratic / intermittent / lumpy / none |\n");
        table.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |\n");
        for (Row row : rows) {
            table.append(String.format("| %s | %d | %.3f | %.3f | %.3f | %.3f | %.3f | %d / %d | %s | %s |%n",
                    row.process(), row.scored(), row.chosen(), row.fixed().get(ForecastMethod.MEAN),
                    row.fixed().get(ForecastMethod.CROSTON), row.fixed().get(ForecastMethod.SBA),
                    row.fixed().get(ForecastMethod.TSB), row.betterThanMean(), row.worseThanMean(),
                    counts(row.choices(), ForecastMethod.values()),
                    counts(row.classes(), DemandClass.values())));
        }
        return table.toString();
    }

    private static <K extends Enum<K>> String counts(Map<K, Integer> counts, K[] keys) {
        List<String> cells = new ArrayList<>();
        for (K key : keys) {
            cells.add(Integer.toString(counts.getOrDefault(key, 0)));
        }
        return String.join(" / ", cells);
    }
}
