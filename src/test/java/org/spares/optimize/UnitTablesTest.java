package org.spares.optimize;

import static org.assertj.core.api.Assertions.assertThat;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;


/**
 * The unit tables are the one evaluation of a plan (search, heuristics and the report's constraint check all read
 * them), so they are checked here against the distribution's own EBO formulas, computed the other way round (the
 * left of the mean as mu - S + sum of cumulatives, the right tail as sum (j - S) P(X = j)). The ratios a rounding
 * above 1 are the ones a weekly estimate produces for a part issued once (1 + 1e-15), where the negative binomial
 * used to lose every digit.
 */
class UnitTablesTest {
    private static final double[] MEANS = {0.004, 0.3, 2.5, 17.0, 140.0, 1500.0};
    private static final double[] RATIOS = {1.0, 1.0 + 1e-15, 1.0 + 1e-12, 1.0 + 1e-9, 1.0 + 1e-6, 1.5, 3.0, 10.0};
    private static final double RELATIVE = 1e-12;

    @Test
    void tablesBackordersEqualTheDirectFormulasAtEveryLevel() {
        OptimizeRequest request = oneDepot(MEANS, RATIOS);
        StockModel model = ModelBuilder.build(request);
        UnitTables tables = new UnitTables(model);
        List<String> failures = new ArrayList<>();
        for (int position = 0; position < tables.size(); position++) {
            PipelineDistribution distribution = model.positions().get(position).distribution();
            double spread = Math.sqrt(distribution.mean() * ratioOf(distribution));
            int top = (int) Math.ceil(distribution.mean() + 12.0 * spread + 10.0);
            for (int level = 0; level <= top; level++) {
                double direct = distribution.expectedBackorders(level);
                double table = tables.backorders(position, level);
                if (Math.abs(table - direct) > RELATIVE * direct) {
                    failures.add(String.format("mu %s v-1 %s S %d: table %s direct %s", distribution.mean(),
                            ratioOf(distribution) - 1.0, level, table, direct));
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void negativeBinomialTendsToPoissonAsTheRatioApproachesOne() {
        for (double mean : MEANS) {
            PoissonPipeline poisson = new PoissonPipeline(mean);
            int top = (int) Math.ceil(mean + 10.0 * Math.sqrt(mean) + 10.0);
            for (double excess : new double[] {1e-15, 1e-12, 1e-9}) {
                NegativeBinomialPipeline negative = new NegativeBinomialPipeline(mean, 1.0 + excess);
                // log NB(k) - log Poisson(k) = sum_{j<k} log(1 + j e / mu) - k log1p(e) + mu (1 - log1p(e) / e),
                // at most e (k^2 / mu + k + mu) in size: that, and no more than 1e-12 besides, is allowed
                double tolerance = 1e-12 + excess * (top * (double) top / mean + top + mean);
                for (int k = 0; k <= top; k++) {
                    String label = "mu " + mean + " v-1 " + excess + " k " + k;
                    assertThat(negative.probability(k)).as(label)
                            .isCloseTo(poisson.probability(k), relativeTo(poisson.probability(k), tolerance));
                    assertThat(negative.survival(k)).as(label)
                            .isCloseTo(poisson.survival(k), relativeTo(poisson.survival(k), tolerance));
                }
            }
        }
    }

    @Test
    void theReportsBackordersAreTheDistributionsOnes() {
        OptimizeRequest request = new OptimizeRequest(oneDepot(MEANS, RATIOS).parts(),
                List.of(new DepotInput("D", 4.0, 30.0, 0.5)), oneDepot(MEANS, RATIOS).demand(), null, null, null,
                null);
        Plan plan = Optimizer.solve(request, SolverLimits.defaults(), ProgressListener.NONE);
        IndependentCheck.assertFeasible(request, plan);
        for (DemandInput row : request.demand()) {
            Plan.PositionPlan position = plan.positions().stream()
                    .filter(candidate -> candidate.sku().equals(row.sku())).findFirst().orElseThrow();
            double direct = PipelineDistribution.of(row.ratePerDay() * row.leadTimeDays(), row.varianceToMeanRatio())
                    .expectedBackorders(position.stockLevel());
            assertThat(position.expectedBackorders()).as(row.sku())
                    .isCloseTo(direct, relativeTo(direct, RELATIVE));
        }
    }

    private static Offset<Double> relativeTo(double value, double relative) {
        return Offset.offset(Math.max(relative * Math.abs(value), Double.MIN_NORMAL));
    }

    private static double ratioOf(PipelineDistribution distribution) {
        return distribution instanceof NegativeBinomialPipeline negative ? negative.varianceToMean() : 1.0;
    }

    /** Every (mean, ratio) pair as a position of one depot without targets: mean = rate x 1 day of lead time. */
    static OptimizeRequest oneDepot(double[] means, double[] ratios) {
        List<PartInput> parts = new ArrayList<>();
        List<DemandInput> demand = new ArrayList<>();
        for (double mean : means) {
            for (double ratio : ratios) {
                String sku = "P" + parts.size();
                parts.add(new PartInput(sku, 40.0 + parts.size(), 0.25));
                demand.add(new DemandInput("D", sku, mean, 1.0, ratio));
            }
        }
        return new OptimizeRequest(parts, List.of(new DepotInput("D", null, null, null)), demand, null, null,
                null, null);
    }
}
