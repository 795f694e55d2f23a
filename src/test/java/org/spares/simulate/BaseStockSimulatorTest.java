package org.spares.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;
import org.spares.optimize.PipelineDistribution;
import org.spares.optimize.ProgressListener;

class BaseStockSimulatorTest {
    private static final List<SimDepot> ONE_DEPOT = List.of(new SimDepot("ATL", 1.5));

    private static Simulation simulate(List<SimPosition> positions, int replications, int days, long seed) {
        return BaseStockSimulator.simulate(ONE_DEPOT, positions, new SimulationSettings(replications, days, seed, 0.99),
                ProgressListener.NONE);
    }

    private static List<SimPosition> mixedPositions() {
        return List.of(new SimPosition(0, 0.12, 21.0, 4, SizeDistribution.unit()),
                new SimPosition(0, 0.5, 10.0, 7, SizeDistribution.logarithmic(3.0)),
                new SimPosition(0, 0.02, 45.0, 1, SizeDistribution.logarithmic(1.5)));
    }

    @Test
    void theSameSeedGivesTheSameAnswerAndAnotherSeedAnother() {
        Simulation first = simulate(mixedPositions(), 40, 200, 7);
        assertThat(simulate(mixedPositions(), 40, 200, 7)).isEqualTo(first);
        assertThat(simulate(mixedPositions(), 40, 200, 8)).isNotEqualTo(first);
    }

    /** Every (replication, position) has its own stream, so one thread and many give the same numbers. */
    @Test
    void theAnswerDoesNotDependOnTheNumberOfThreads() throws Exception {
        Simulation parallel = simulate(mixedPositions(), 40, 200, 11);
        ForkJoinPool single = new ForkJoinPool(1);
        try {
            Simulation serial = single.submit(() -> simulate(mixedPositions(), 40, 200, 11)).get();
            assertThat(serial).isEqualTo(parallel);
        } finally {
            single.shutdown();
        }
    }

    /**
     * S = 0: no occurrence ever finds stock (fill rate exactly 0), and every unit ordered is backordered until it
     * arrives, so the backorders are the pipeline, whose mean is lambda * L = 0.12 * 21 = 2.52.
     */
    @Test
    void withoutStockEveryDemandWaitsForItsOrder() {
        Simulation simulation = simulate(List.of(new SimPosition(0, 0.12, 21.0, 0, SizeDistribution.unit())), 200,
                365, 3);
        SimulatedMeasures measures = simulation.depots().get(0).simulated();
        assertThat(measures.fillRate()).isEqualTo(new Estimate(0.0, 0.0, 0.0));
        assertThat(measures.expectedBackorders().contains(2.52)).as("%s", measures.expectedBackorders()).isTrue();
        assertThat(measures.partsWaitHours().contains(24 * 2.52 / 1.5)).isTrue();
    }

    /** S far above the pipeline (mean 2.52, P(X >= 30) ~ 1e-20): nothing is ever backordered, every demand filled. */
    @Test
    void withAmpleStockNothingWaits() {
        Simulation simulation = simulate(List.of(new SimPosition(0, 0.12, 21.0, 30, SizeDistribution.unit())), 200,
                365, 5);
        SimulatedMeasures measures = simulation.depots().get(0).simulated();
        assertThat(measures.expectedBackorders()).isEqualTo(new Estimate(0.0, 0.0, 0.0));
        // Filled occurrences over the expected count, 0.12 * 365 = 43.8: 1 on average with Poisson noise, sd
        // 1 / sqrt(43.8) = 0.151 per replication, so the 99 % interval over 200 is about 2 * 2.60 * 0.151 / sqrt(200)
        // = 0.056 wide.
        assertThat(measures.fillRate().contains(1.0)).as("%s", measures.fillRate()).isTrue();
        assertThat(measures.fillRate().high() - measures.fillRate().low()).isBetween(0.04, 0.07);
    }

    /** One position per pipeline kind, against the formulas of docs/OPTIMIZER.md (99 % intervals, two comparisons each). */
    @Test
    void poissonAndNegativeBinomialPipelinesMatchTheFormulas() {
        double[][] cases = {{0.12, 21.0, 1.0, 3}, {0.5, 10.0, 3.0, 7}, {1.5, 8.0, 5.0, 12}};
        for (double[] row : cases) {
            int level = (int) row[3];
            Simulation simulation = simulate(List.of(new SimPosition(0, row[0], row[1], level,
                    SizeDistribution.logarithmic(row[2]))), 300, 365, 17);
            PipelineDistribution pipeline = PipelineDistribution.of(row[0] * row[1], row[2]);
            SimulatedMeasures measures = simulation.total();
            assertThat(measures.fillRate().contains(pipeline.fillRate(level)))
                    .as("fill %s vs %s", measures.fillRate(), pipeline.fillRate(level)).isTrue();
            assertThat(measures.expectedBackorders().contains(pipeline.expectedBackorders(level)))
                    .as("EBO %s vs %s", measures.expectedBackorders(), pipeline.expectedBackorders(level)).isTrue();
        }
    }

    @Test
    void progressIsReportedUpToTheEnd() {
        List<Double> fractions = new ArrayList<>();
        BaseStockSimulator.simulate(ONE_DEPOT, mixedPositions(), new SimulationSettings(100, 30, 1, 0.95),
                (fraction, phase) -> fractions.add(fraction));
        assertThat(fractions).isSorted().isNotEmpty();
        assertThat(fractions.get(fractions.size() - 1)).isEqualTo(1.0);
    }

    @Test
    void oneReplicationHasNoInterval() {
        Estimate estimate = simulate(mixedPositions(), 1, 100, 1).total().expectedBackorders();
        assertThat(estimate.low()).isEqualTo(estimate.mean()).isEqualTo(estimate.high());
    }

    /** Student t: with values 1, 2, 3 the mean is 2, sd 1, and t(0.975, 2) = 4.302652729911275. */
    @Test
    void intervalsUseStudentT() {
        Estimate estimate = Estimate.of(new double[] {1.0, 2.0, 3.0}, 0.95);
        double halfWidth = 4.302652729911275 / Math.sqrt(3.0);
        assertThat(estimate.mean()).isEqualTo(2.0);
        assertThat(estimate.low()).isCloseTo(2.0 - halfWidth, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(estimate.high()).isCloseTo(2.0 + halfWidth, org.assertj.core.api.Assertions.within(1e-9));
    }
}
