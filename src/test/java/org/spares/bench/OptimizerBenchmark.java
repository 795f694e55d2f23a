package org.spares.bench;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import org.spares.optimize.OptimizeRequest;
import org.spares.optimize.Optimizer;
import org.spares.optimize.Plan;
import org.spares.optimize.ProgressListener;
import org.spares.optimize.RealisticModels;
import org.spares.optimize.SolverLimits;

/**
 * Benchmark. Baseline first, in the same JVM and under the same load: the 2000x20 vector and the synthetic curve
 * that earlier figures were taken on. Then the targets on realistic models ({@link RealisticModels}: the demo's
 * world) and on the synthetic shape at the same sizes, so time can be read against positions for both.
 * Arguments: [vector file] [time limit millis for 2000x20; generated cases get 6x] [target gap, default 1e-5].
 */
public final class OptimizerBenchmark {
    private OptimizerBenchmark() {
    }

    public static void main(String[] arguments) throws Exception {
        String vector = arguments.length > 0 ? arguments[0]
                : "src/test/resources/vectors/solve-2000x20-wait-per-depot.json";
        long limit = arguments.length > 1 ? Long.parseLong(arguments[1]) : 5_000L;
        double target = arguments.length > 2 ? Double.parseDouble(arguments[2]) : 1e-5;
        ObjectMapper mapper = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
        OptimizeRequest large = mapper.treeToValue(mapper.readTree(new File(vector)).get("request"),
                OptimizeRequest.class);
        System.out.printf("nproc %d, load average %.2f at start, max heap %d MB%n",
                Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().maxMemory() / (1024 * 1024));
        System.out.println("| case | shape | depots x parts | positions | with demand | target gap | status | cost"
                + " | lower bound | gap | solve ms | wall ms | peak heap MB |");
        System.out.println("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        run("baseline: vector (first solve in this JVM)", "vector", large, limit, target);
        run("baseline: vector (second solve)", "vector", large, limit, target);
        run("baseline: vector, prove optimal", "vector", large, limit, SolverLimits.PROVE_OPTIMAL);
        int[][] baseline = {{20, 625}, {20, 1250}, {20, 2500}, {40, 2500}, {40, 5000}};
        for (int[] size : baseline) {
            OptimizeRequest synthetic = SyntheticModels.generate(size[1], size[0], 42L);
            run("baseline: synthetic", "synthetic", synthetic, limit * 6, target);
            run("baseline: synthetic, prove optimal", "synthetic", synthetic, limit * 6, SolverLimits.PROVE_OPTIMAL);
        }
        run("target: demo-like, prove optimal (<= 2 s)", "realistic", RealisticModels.generate(5, 200, 365, 42L),
                20_000L, SolverLimits.PROVE_OPTIMAL);
        int[][] curve = {{5, 200}, {10, 1000}, {20, 2500}, {20, 5000}, {50, 5000}};
        for (int[] size : curve) {
            long caseLimit = size[0] >= 50 ? 30_000L : 10_000L;
            run("curve", "realistic", RealisticModels.generate(size[0], size[1], 365, 42L), caseLimit, target);
            run("curve", "synthetic", SyntheticModels.generate(size[1], size[0], 42L), caseLimit, target);
        }
        run("curve, prove optimal", "realistic", RealisticModels.generate(50, 5000, 365, 42L), 30_000L,
                SolverLimits.PROVE_OPTIMAL);
        run("curve, prove optimal", "synthetic", SyntheticModels.generate(5000, 50, 42L), 30_000L,
                SolverLimits.PROVE_OPTIMAL);
    }

    private static void run(String name, String shape, OptimizeRequest request, long limit, double target) {
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
        long started = System.nanoTime();
        Plan plan = Optimizer.solve(request, new SolverLimits(limit, () -> false, target), ProgressListener.NONE);
        long wall = (System.nanoTime() - started) / 1_000_000L;
        long peak = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP)
                .mapToLong(pool -> pool.getPeakUsage().getUsed()).sum() / (1024 * 1024);
        System.out.printf("| %s | %s | %dx%d | %d | %d | %.0e | %s | %.2f | %.2f | %.2e | %d | %d | %d |%n", name,
                shape, request.depots().size(), request.parts().size(),
                request.parts().size() * request.depots().size(), request.demand().size(), target, plan.status(),
                plan.annualHoldingCost(), plan.lowerBound(), plan.gap(), plan.solveMillis(), wall, peak);
    }
}
