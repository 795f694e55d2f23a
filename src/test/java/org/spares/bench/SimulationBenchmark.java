package org.spares.bench;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ForkJoinPool;
import org.spares.optimize.DemandInput;
import org.spares.optimize.DepotInput;
import org.spares.optimize.OptimizeRequest;
import org.spares.optimize.Optimizer;
import org.spares.optimize.PartInput;
import org.spares.optimize.Plan;
import org.spares.optimize.ProgressListener;
import org.spares.optimize.SolverLimits;
import org.spares.optimize.StockLevelInput;
import org.spares.simulate.BaseStockSimulator;
import org.spares.simulate.SimInput;
import org.spares.simulate.SimulationSettings;

/**
 * Benchmark of the simulation (issue 11): 1,000 positions x 365 days x 200 replications, target <= 5 s. The model:
 * 10 depots x 100 parts, every position with demand, rates log-uniform over 0.01-2 units a day, a third lumpy with a
 * variance-to-mean ratio uniform over 1-6, lead times uniform over 3-60 days, levels from the optimal plan for a 40 h
 * wait target. Baselines in the same JVM and under the same load: the same run on one thread, and one replication.
 * Each case runs once to warm up, then three times; wall times of the three and CPU seconds of the process are
 * printed. Arguments: [replications, default 200] [days, default 365].
 */
public final class SimulationBenchmark {
    private SimulationBenchmark() {
    }

    public static void main(String[] arguments) throws Exception {
        int replications = arguments.length > 0 ? Integer.parseInt(arguments[0]) : 200;
        int days = arguments.length > 1 ? Integer.parseInt(arguments[1]) : 365;
        OptimizeRequest request = model(10, 100, 42L);
        Plan plan = Optimizer.solve(request, new SolverLimits(20_000, () -> false), ProgressListener.NONE);
        List<StockLevelInput> levels = plan.positions().stream()
                .map(position -> new StockLevelInput(position.depot(), position.sku(), position.stockLevel())).toList();
        SimInput input = SimInput.of(request, levels);
        System.out.printf("nproc %d, load average %.2f at start; %d positions, %d stock units, plan %s; "
                + "%.3g events per %d replications of %d days (warm-up included)%n",
                Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), input.positions().size(),
                levels.stream().mapToLong(StockLevelInput::stockLevel).sum(), plan.status(),
                input.expectedEvents(replications, days), replications, days);
        System.out.println("| case | wall ms (3 runs) | process CPU s (3 runs) | ns per event (best) |");
        System.out.println("| --- | --- | --- | --- |");
        SimulationSettings settings = new SimulationSettings(replications, days, 1L, 0.95);
        run("baseline: one replication", input, new SimulationSettings(1, days, 1L, 0.95), null);
        run("baseline: " + replications + " replications on one thread", input, settings, new ForkJoinPool(1));
        run("target: " + replications + " replications, all cores", input, settings, null);
    }

    private static void run(String name, SimInput input, SimulationSettings settings, ForkJoinPool pool)
            throws Exception {
        simulate(input, settings, pool);
        long[] walls = new long[3];
        double[] cpus = new double[3];
        for (int attempt = 0; attempt < 3; attempt++) {
            double cpuBefore = ProcessCpu.self();
            long started = System.nanoTime();
            simulate(input, settings, pool);
            walls[attempt] = (System.nanoTime() - started) / 1_000_000L;
            cpus[attempt] = ProcessCpu.self() - cpuBefore;
        }
        double events = input.expectedEvents(settings.replications(), settings.days());
        System.out.printf("| %s | %s | %s | %.0f |%n", name, Arrays.toString(walls),
                Arrays.toString(Arrays.stream(cpus).map(cpu -> Math.round(cpu * 100) / 100.0).toArray()),
                Arrays.stream(walls).min().orElseThrow() * 1e6 / events);
        if (pool != null) {
            pool.shutdown();
        }
    }

    private static void simulate(SimInput input, SimulationSettings settings, ForkJoinPool pool) throws Exception {
        if (pool == null) {
            BaseStockSimulator.simulate(input.depots(), input.positions(), settings, ProgressListener.NONE);
            return;
        }
        // a parallel stream started inside a pool runs on that pool: here, one thread
        pool.submit(() -> BaseStockSimulator.simulate(input.depots(), input.positions(), settings,
                ProgressListener.NONE)).get();
    }

    static OptimizeRequest model(int depotCount, int partCount, long seed) {
        Random random = new Random(seed);
        List<PartInput> parts = new ArrayList<>();
        List<DemandInput> demand = new ArrayList<>();
        double[] depotRate = new double[depotCount];
        for (int part = 0; part < partCount; part++) {
            String sku = String.format("S%04d", part);
            parts.add(new PartInput(sku, 20.0 + Math.round(Math.exp(2.0 + 4.0 * random.nextDouble())), 0.25));
            double leadTime = 3 + random.nextInt(58);
            for (int depot = 0; depot < depotCount; depot++) {
                double rate = 0.01 * Math.pow(200.0, random.nextDouble());
                double ratio = random.nextInt(3) == 0 ? 1.0 + 5.0 * random.nextDouble() : 1.0;
                depotRate[depot] += rate;
                demand.add(new DemandInput(String.format("D%02d", depot), sku, rate, leadTime, ratio));
            }
        }
        List<DepotInput> depots = new ArrayList<>();
        for (int depot = 0; depot < depotCount; depot++) {
            depots.add(new DepotInput(String.format("D%02d", depot), 0.4 * depotRate[depot], 40.0, null));
        }
        return new OptimizeRequest(parts, depots, demand, null, null, null, null);
    }
}
