package org.spares.optimize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.spares.domain.DomainException;

/** Optimizer.evaluate: a given plan predicted like a solved one, targets it breaks named, bad levels refused. */
class PlanEvaluationTest {
    private static final OptimizeRequest REQUEST = new OptimizeRequest(
            List.of(new PartInput("VALVE-A", 640.0, 0.25), new PartInput("PUMP-B", 90.0, null)),
            List.of(new DepotInput("ATL", 1.5, 40.0, null), new DepotInput("BOS", null, null, 0.5)),
            List.of(new DemandInput("ATL", "VALVE-A", 0.12, 21.0, null),
                    new DemandInput("ATL", "PUMP-B", 0.4, 10.0, 2.5),
                    new DemandInput("BOS", "PUMP-B", 0.2, 14.0, null)),
            null, null, null, null);

    @Test
    void theSolvedPlanEvaluatesToItsOwnReport() {
        Plan plan = Optimizer.solve(REQUEST, new SolverLimits(5_000, () -> false), ProgressListener.NONE);
        PlanEvaluation evaluation = Optimizer.evaluate(REQUEST, plan.positions().stream()
                .map(position -> new StockLevelInput(position.depot(), position.sku(), position.stockLevel()))
                .toList());
        assertThat(evaluation.depots()).isEqualTo(plan.depots());
        assertThat(evaluation.positions()).isEqualTo(plan.positions());
        assertThat(evaluation.brokenTargets()).isEmpty();
        assertThat(evaluation.total().expectedBackorders()).isCloseTo(plan.totalExpectedBackorders(), within(1e-12));
        assertThat(evaluation.total().annualHoldingCost()).isCloseTo(plan.annualHoldingCost(), within(1e-9));
    }

    /**
     * Nothing stocked: every position's backorders are its mean pipeline (ATL 0.12 * 21 + 0.4 * 10 = 6.52, BOS
     * 0.2 * 14 = 2.8), fill rates 0; ATL's wait 24 * 6.52 / 1.5 = 104.32 h breaks its 40 h target, BOS's positions
     * break its 0.5 fill-rate floor; the total wait is 24 * 9.32 / 1.5 (only ATL has repair orders).
     */
    @Test
    void anEmptyPlanIsPredictedAndItsBrokenTargetsNamed() {
        PlanEvaluation evaluation = Optimizer.evaluate(REQUEST, List.of());
        assertThat(evaluation.depots().get(0).expectedBackorders()).isCloseTo(6.52, within(1e-9));
        assertThat(evaluation.depots().get(0).partsWaitHours()).isCloseTo(104.32, within(1e-7));
        assertThat(evaluation.depots().get(1).expectedBackorders()).isCloseTo(2.8, within(1e-9));
        assertThat(evaluation.depots().get(1).partsWaitHours()).isNull();
        assertThat(evaluation.total().fillRate()).isZero();
        assertThat(evaluation.total().partsWaitHours()).isCloseTo(24 * 9.32 / 1.5, within(1e-7));
        assertThat(evaluation.brokenTargets()).containsExactly("depots[0].maxPartsWaitHours", "depots[1].minFillRate");
    }

    @Test
    void badLevelsAreRefusedNamingTheField() {
        assertField(List.of(new StockLevelInput("ATL", "NOPE", 1)), "stockLevels[0].sku");
        assertField(List.of(new StockLevelInput("XXX", "PUMP-B", 1)), "stockLevels[0].depot");
        assertField(List.of(new StockLevelInput("ATL", "PUMP-B", 1), new StockLevelInput("ATL", "PUMP-B", 2)),
                "stockLevels[1].sku");
        assertField(List.of(new StockLevelInput("ATL", "PUMP-B", null)), "stockLevels[0].stockLevel");
        assertField(List.of(new StockLevelInput("ATL", "PUMP-B", 4_000_001)), "stockLevels[0].stockLevel");
    }

    private static void assertField(List<StockLevelInput> levels, String field) {
        assertThatThrownBy(() -> Optimizer.evaluate(REQUEST, levels)).isInstanceOfSatisfying(DomainException.class,
                exception -> assertThat(exception.details()).containsEntry("field", field));
    }
}
