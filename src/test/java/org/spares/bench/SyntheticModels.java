package org.spares.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.spares.optimize.DemandInput;
import org.spares.optimize.DepotInput;
import org.spares.optimize.OptimizeRequest;
import org.spares.optimize.PartInput;

/**
 * The synthetic shape earlier figures were taken on (kept unchanged so they stay comparable): skewed demand like
 * the reference vectors, ~70 % of positions with demand, one in ten lumpy with a ratio of 1 to 3, wait targets of
 * 30/40/60 h. Denser than the demo's world, where most positions have no demand.
 */
final class SyntheticModels {
    private SyntheticModels() {
    }

    static OptimizeRequest generate(int partCount, int depotCount, long seed) {
        Random random = new Random(seed);
        List<PartInput> parts = new ArrayList<>();
        double[] leadTimes = new double[partCount];
        for (int part = 0; part < partCount; part++) {
            double cost = Math.round(Math.exp(3.0 + 3.0 * random.nextDouble() + random.nextGaussian()) * 4) / 4.0 + 5;
            parts.add(new PartInput(String.format("G%05d", part), cost, 0.25));
            leadTimes[part] = 3 + random.nextInt(43);
        }
        double[] depotRate = new double[depotCount];
        List<DemandInput> demand = new ArrayList<>();
        for (int part = 0; part < partCount; part++) {
            double base = Math.exp(-4.5 + 1.6 * random.nextGaussian());
            for (int depot = 0; depot < depotCount; depot++) {
                if (random.nextDouble() < 0.3) {
                    continue;
                }
                double rate = Math.round(base * (0.3 + 1.4 * random.nextDouble()) * 10_000) / 10_000.0;
                if (rate <= 0) {
                    continue;
                }
                depotRate[depot] += rate;
                double variance = random.nextInt(10) == 0 ? 1.0 + 2.0 * random.nextDouble() : 1.0;
                demand.add(new DemandInput(String.format("D%02d", depot + 1), parts.get(part).sku(), rate,
                        leadTimes[part], variance));
            }
        }
        List<DepotInput> depots = new ArrayList<>();
        double[] waits = {30.0, 40.0, 60.0};
        for (int depot = 0; depot < depotCount; depot++) {
            double repairs = Math.round(depotRate[depot] * 0.4 * 100) / 100.0;
            depots.add(new DepotInput(String.format("D%02d", depot + 1), repairs, waits[depot % 3], null));
        }
        return new OptimizeRequest(parts, depots, demand, null, null, null, null);
    }
}
