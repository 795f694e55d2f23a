package org.spares.forecast;

/**
 * The forecasting methods, each a function from a series of bucket totals (oldest first) to the forecast of the
 * next bucket. Constants:
 * <ul>
 * <li>{@link #ALPHA} = 0.1 smooths sizes and intervals. Syntetos and Boylan (2005) found 0.05 to 0.2 best for
 * intermittent series; a small constant keeps one large order from swinging the forecast, and 0.1 is the middle.</li>
 * <li>{@link #BETA} = 0.05 smooths TSB's demand probability. The probability is updated in every bucket, the size
 * only in buckets with demand, so a smaller constant gives the probability a memory no shorter than the size's.</li>
 * </ul>
 */
public enum ForecastMethod {
    /** The simple mean of every bucket, zeros included: the baseline the others must beat. */
    MEAN {
        @Override
        public double next(int[] series) {
            if (series.length == 0) {
                return 0;
            }
            double total = 0;
            for (int value : series) {
                total += value;
            }
            return total / series.length;
        }
    },
    /**
     * Croston (1972): smooth the non-zero sizes z and the intervals p between them, updating both only in buckets
     * with demand; forecast z / p. Initialised with z = the first non-zero size and p = its index + 1 (the interval
     * from a notional demand just before the series).
     */
    CROSTON {
        @Override
        public double next(int[] series) {
            double[] sizeAndInterval = croston(series);
            return sizeAndInterval == null ? 0 : sizeAndInterval[0] / sizeAndInterval[1];
        }
    },
    /**
     * Syntetos and Boylan (2005): Croston's z / p is biased upwards (E[z/p] > E[z]/E[p]); multiplying by
     * (1 - alpha / 2) removes most of that bias.
     */
    SBA {
        @Override
        public double next(int[] series) {
            return (1 - ALPHA / 2) * CROSTON.next(series);
        }
    },
    /**
     * Teunter, Syntetos and Babai (2011): smooth the probability d of demand in every bucket with beta (toward 1 in a
     * bucket with demand, toward 0 in one without) and the non-zero sizes z with alpha; forecast d * z. Unlike
     * Croston it decays toward zero while demand has stopped. Initialised with d = the share of buckets with demand
     * and z = the first non-zero size.
     */
    TSB {
        @Override
        public double next(int[] series) {
            int first = firstNonZero(series);
            if (first < 0) {
                return 0;
            }
            double probability = (double) nonZero(series) / series.length;
            double size = series[first];
            for (int value : series) {
                if (value > 0) {
                    probability += BETA * (1 - probability);
                    size += ALPHA * (value - size);
                } else {
                    probability -= BETA * probability;
                }
            }
            return probability * size;
        }
    };

    public static final double ALPHA = 0.1;
    public static final double BETA = 0.05;

    /** The forecast of the bucket after {@code series}; 0 for a series without demand. */
    public abstract double next(int[] series);

    /** Croston's smoothed size and interval after the whole series, or null when it has no demand. */
    private static double[] croston(int[] series) {
        int first = firstNonZero(series);
        if (first < 0) {
            return null;
        }
        double size = series[first];
        double interval = first + 1;
        int last = first;
        for (int index = first + 1; index < series.length; index++) {
            if (series[index] > 0) {
                size += ALPHA * (series[index] - size);
                interval += ALPHA * ((index - last) - interval);
                last = index;
            }
        }
        return new double[] {size, interval};
    }

    static int firstNonZero(int[] series) {
        for (int index = 0; index < series.length; index++) {
            if (series[index] > 0) {
                return index;
            }
        }
        return -1;
    }

    static int nonZero(int[] series) {
        int count = 0;
        for (int value : series) {
            if (value > 0) {
                count++;
            }
        }
        return count;
    }
}
