package org.spares.optimize;

import static org.assertj.core.api.Assertions.assertThat;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;


class SolveVectorsTest {

    @ParameterizedTest
    @ValueSource(strings = {"solve-1x5-wait.json", "solve-3x3-wait-per-depot.json",
        "solve-1x4-negbin-total-backorders.json", "solve-50x5-min-fill-rate.json",
        "solve-50x5-wait-per-depot.json", "solve-2000x20-wait-per-depot.json"})
    void meetsTheExpectedBlock(String file) throws Exception {
        JsonNode vector = VectorFiles.read(file);
        OptimizeRequest request = VectorFiles.MAPPER.treeToValue(vector.get("request"), OptimizeRequest.class);
        JsonNode expected = vector.get("expected");
        Plan plan = Optimizer.solve(request, new SolverLimits(5_000, () -> false), ProgressListener.NONE);
        System.out.printf("%s: status %s cost %.4f bound %.4f gap %.3g in %d ms%n", file, plan.status(),
                plan.annualHoldingCost(), plan.lowerBound(), plan.gap(), plan.solveMillis());
        IndependentCheck.assertFeasible(request, plan);
        if (expected.has("maxCost")) {
            Plan quick = Optimizer.solve(request, new SolverLimits(5_000, () -> false, 1e-5), ProgressListener.NONE);
            assertThat(quick.gap()).isLessThanOrEqualTo(1e-5);
            assertThat(quick.annualHoldingCost()).isLessThanOrEqualTo(expected.get("maxCost").asDouble());
            assertThat(plan.annualHoldingCost()).isLessThanOrEqualTo(expected.get("maxCost").asDouble());
            assertThat(plan.lowerBound()).isLessThanOrEqualTo(expected.get("bestKnownCost").asDouble());
            return;
        }
        ExpectedBlock.assertMet(expected, plan);
    }
}
