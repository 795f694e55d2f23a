package org.spares.simulate;

import java.util.SplittableRandom;

/**
 * One replication of one simulated position: Poisson occurrences with random sizes drive a {@link BaseStockPosition}.
 *
 * <p>Warm-up: the pipeline at any moment is exactly the demand of the last L days. Starting at time -L with full
 * stock and nothing on order, the pipeline at time 0 is the demand of (-L, 0], which already has the stationary
 * distribution; measuring from 0 to {@code days} is therefore free of start-up bias, with no warm-up length to tune.
 */
final class RandomDemand {
    private RandomDemand() {
    }

    static void run(SimPosition position, double days, SplittableRandom random, BaseStockPosition state) {
        state.reset(position.stockLevel(), position.leadTimeDays(), -position.leadTimeDays());
        double rate = position.occurrencesPerDay();
        if (rate > 0.0) {
            SizeDistribution sizes = position.sizes();
            for (double time = -position.leadTimeDays() + exponential(random, rate); time < days;
                    time += exponential(random, rate)) {
                state.occur(time, sizes.sample(random));
            }
        }
        state.finish(days);
    }

    private static double exponential(SplittableRandom random, double rate) {
        // nextDouble is in [0, 1), so 1 - u is in (0, 1] and its logarithm is finite
        return -Math.log(1.0 - random.nextDouble()) / rate;
    }
}
