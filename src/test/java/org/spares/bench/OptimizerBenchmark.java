package org.spares.bench;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.spares.optimize.DemandInput;
import org.spares.optimize.DepotInput;
import org.spares.optimize.OptimizeRequest;
import org.spares.optimize.Optimizer;
import org.spares.optimize.PartInput;
import org.spares.optimize.Plan;
import org.spares.optimize.SolverLimits;

/**
 * Benchmark: the 2000x20 vector, then generated cases (deterministic seed, skewed demand like the vectors) along
 * a size curve up to 5,000 parts x 40 depots. Arguments: [vector file] [time limit millis for 2000x20; generated
 * cases get 6x] [target gap, default 1e-5].
 */
public final class OptimizerBenchmark {
    private OptimizerBenchmark() {
    }

    public static void main(String[] arguments) throws Exception {
        String vector = arguments.length > 0 ? arguments[0] : "src/test/resources/vectors/solve-2000x20-wait-per-depot.json";
        long limit = arguments.length > 1 ? Long.parseLong(arguments[1]) : 5_000L;
        double target = arguments.length > 2 ? Double.parseDouble(arguments[2]) : 1e-5;
        ObjectMapper mapper = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
        OptimizeRequest large = mapper.treeToValue(mapper.readTree(new File(vector)).get("request"),
                OptimizeRequest.class);
        System.out.println("| case | positions | target gap | status | cost | lower bound | gap | solve ms | wall ms | heap MB |");
        System.out.println("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        run("vector 2000x20 (first solve in this JVM)", large, limit, target);
        run("vector 2000x20 (second solve)", large, limit, target);
        run("vector 2000x20, prove optimal", large, limit, SolverLimits.PROVE_OPTIMAL);
        int[][] sizes = {{625, 20}, {1250, 20}, {2500, 20}, {2500, 40}, {5000, 40}};
        for (int[] size : sizes) {
            OptimizeRequest generated = generate(size[0], size[1], 42L);
            run("generated " + size[0] + "x" + size[1], generated, limit * 6, target);
            run("generated " + size[0] + "x" + size[1] + ", prove optimal", generated, limit * 6,
                    SolverLimits.PROVE_OPTIMAL);
        }
    }

    private static void run(String name, OptimizeRequest request, long limit, double target) {
        System.gc();
        long started = System.nanoTime();
        Plan plan = Optimizer.solve(request, new SolverLimits(limit, () -> false, target), (fraction, phase) -> { });
        long wall = (System.nanoTime() - started) / 1_000_000L;
        Runtime runtime = Runtime.getRuntime();
        long heap = (runtime.totalMemory() - runtime.freeMemory()) / (1024 * 1024);
        System.out.printf("| %s | %d | %.0e | %s | %.2f | %.2f | %.2e | %d | %d | %d |%n", name,
                request.parts().size() * request.depots().size(), target, plan.status(), plan.annualHoldingCost(),
                plan.lowerBound(), plan.gap(), plan.solveMillis(), wall, heap);
    }

    /** Skewed demand: a few fast movers, many slow ones; ~70 % of positions have demand, as in the vectors. */
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
