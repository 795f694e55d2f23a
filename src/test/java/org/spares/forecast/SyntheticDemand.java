package org.spares.forecast;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Demand histories drawn from known processes, for the method-choice study and the forecasting benchmark. The
 * parameters of each series are drawn first (uniformly from the ranges below), then its demand; one event is one
 * order, on a random day of its bucket. The ranges were fixed before any result was seen.
 */
public enum SyntheticDemand {
    /** An order in a bucket with probability p in [0.1, 0.6]; sizes 1 + Poisson or geometric, mean 1.5-5. */
    BERNOULLI {
        @Override
        void fill(int buckets, Random random, List<int[]> orders) {
            double probability = 0.1 + 0.5 * random.nextDouble();
            Sizes law = Sizes.draw(random);
            for (int bucket = 0; bucket < buckets; bucket++) {
                if (random.nextDouble() < probability) {
                    orders.add(new int[] {bucket, law.next(random)});
                }
            }
        }
    },
    /** Poisson(lambda in [0.1, 1.5]) orders a bucket, each of geometric size with mean 1.5-6: lumpy totals. */
    COMPOUND_POISSON {
        @Override
        void fill(int buckets, Random random, List<int[]> orders) {
            double rate = 0.1 + 1.4 * random.nextDouble();
            double meanSize = 1.5 + 4.5 * random.nextDouble();
            for (int bucket = 0; bucket < buckets; bucket++) {
                for (int order = poisson(rate, random); order > 0; order--) {
                    orders.add(new int[] {bucket, geometric(meanSize, random)});
                }
            }
        }
    },
    /**
     * BERNOULLI until 60-80 % of the history, then half the series stop outright and half decay, the probability
     * falling by a factor e every 4-12 buckets.
     */
    OBSOLESCENT {
        @Override
        void fill(int buckets, Random random, List<int[]> orders) {
            double probability = 0.1 + 0.5 * random.nextDouble();
            Sizes law = Sizes.draw(random);
            int end = (int) ((0.6 + 0.2 * random.nextDouble()) * buckets);
            boolean stops = random.nextBoolean();
            double decayBuckets = 4 + 8 * random.nextDouble();
            for (int bucket = 0; bucket < buckets; bucket++) {
                double chance = bucket < end ? probability
                        : stops ? 0 : probability * Math.exp(-(bucket - end) / decayBuckets);
                if (random.nextDouble() < chance) {
                    orders.add(new int[] {bucket, law.next(random)});
                }
            }
        }
    },
    /** A Poisson total with rate 3-10 in every bucket. */
    SMOOTH {
        @Override
        void fill(int buckets, Random random, List<int[]> orders) {
            double rate = 3 + 7 * random.nextDouble();
            for (int bucket = 0; bucket < buckets; bucket++) {
                int total = poisson(rate, random);
                if (total > 0) {
                    orders.add(new int[] {bucket, total});
                }
            }
        }
    };

    /** Adds {bucket, size} to {@code orders} for each order of one series over {@code buckets} buckets. */
    abstract void fill(int buckets, Random random, List<int[]> orders);

    /**
     * A history of {@code days} days in buckets of {@code bucketDays}, as {@link DemandHistory} cuts it: the
     * {@code days mod bucketDays} oldest days (dropped by the forecast) get no demand.
     */
    public DemandHistory history(int days, int bucketDays, Random random) {
        int buckets = days / bucketDays;
        int dropped = days % bucketDays;
        List<int[]> orders = new ArrayList<>();
        fill(buckets, random, orders);
        List<DemandEvent> events = new ArrayList<>(orders.size());
        for (int[] order : orders) {
            events.add(new DemandEvent(dropped + order[0] * bucketDays + random.nextInt(bucketDays), order[1]));
        }
        return new DemandHistory(days, events, bucketDays);
    }

    /** Order sizes of at least 1: 1 + Poisson, or geometric on 1, 2, ...; either with mean 1.5-5. */
    private record Sizes(boolean poisson, double mean) {
        static Sizes draw(Random random) {
            return new Sizes(random.nextBoolean(), 1.5 + 3.5 * random.nextDouble());
        }

        int next(Random random) {
            return poisson ? 1 + SyntheticDemand.poisson(mean - 1, random) : geometric(mean, random);
        }
    }

    /** Knuth's method: fine for the small rates used here (e^-10 is far from underflow). */
    static int poisson(double rate, Random random) {
        double limit = Math.exp(-rate);
        double product = random.nextDouble();
        int count = 0;
        while (product > limit) {
            product *= random.nextDouble();
            count++;
        }
        return count;
    }

    /** Geometric on 1, 2, ... with the given mean (success probability 1 / mean). */
    static int geometric(double mean, Random random) {
        double failure = 1 - 1 / mean;
        return 1 + (int) Math.floor(Math.log(1 - random.nextDouble()) / Math.log(failure));
    }
}
