package org.spares.optimize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.spares.domain.DomainException;
import org.spares.domain.ErrorCode;


class FrontierAndValidationTest {

    @Test
    void frontierPointsAreNeverDominatedByTheExactFrontier() throws Exception {
        JsonNode vector = VectorFiles.read("frontier-1x5.json");
        FrontierRequest request = VectorFiles.MAPPER.treeToValue(vector.get("request"), FrontierRequest.class);
        FrontierAnswer answer = Optimizer.frontier(request, SolverLimits.defaults(), ProgressListener.NONE);
        assertThat(answer.points()).hasSizeGreaterThanOrEqualTo(request.points() - 1)
                .hasSizeLessThanOrEqualTo(request.points());
        assertThat(answer.points().get(0).annualHoldingCost()).isZero();
        for (int index = 1; index < answer.points().size(); index++) {
            assertThat(answer.points().get(index).annualHoldingCost())
                    .isGreaterThan(answer.points().get(index - 1).annualHoldingCost());
        }
        for (FrontierAnswer.Point point : answer.points()) {
            for (JsonNode exact : vector.get("expected").get("exactFrontier")) {
                boolean dominated = exact.get("annualHoldingCost").asDouble() <= point.annualHoldingCost()
                        && exact.get("totalExpectedBackorders").asDouble()
                        < point.totalExpectedBackorders() - 1e-9;
                assertThat(dominated).as("%s dominated by %s", point, exact).isFalse();
            }
        }
    }

    @Test
    void absentOptionalFieldsTakeTheirDefaults() throws Exception {
        String body = """
                {"parts":[{"sku":"A","unitCost":100}],"depots":[{"code":"X"}],
                 "demand":[{"depot":"X","sku":"A","ratePerDay":0.1,"leadTimeDays":10}]}""";
        OptimizeRequest request = VectorFiles.MAPPER.readValue(body, OptimizeRequest.class);
        assertThat(request.costModel()).isEqualTo(CostModel.STOCK_LEVEL);
        assertThat(request.objective()).isEqualTo(Objective.MIN_COST);
        assertThat(request.parts().get(0).holdingRate()).isEqualTo(0.25);
        assertThat(request.demand().get(0).varianceToMeanRatio()).isEqualTo(1.0);
        Plan plan = Optimizer.solve(request, SolverLimits.defaults(), ProgressListener.NONE);
        assertThat(plan.status()).isEqualTo(PlanStatus.OPTIMAL);
        assertThat(plan.annualHoldingCost()).isZero();
    }

    @Test
    void invalidFieldsAreNamed() {
        expectInvalid(request(List.of(new DemandInput("X", "A", -0.1, 10.0, 1.0)), 40.0, null), "demand[0].ratePerDay");
        expectInvalid(request(List.of(new DemandInput("Y", "A", 0.1, 10.0, 1.0)), 40.0, null), "demand[0].depot");
        expectInvalid(request(List.of(new DemandInput("X", "B", 0.1, 10.0, 1.0)), 40.0, null), "demand[0].sku");
        expectInvalid(request(List.of(new DemandInput("X", "A", 0.1, 0.0, 1.0)), 40.0, null),
                "demand[0].leadTimeDays");
        expectInvalid(request(List.of(new DemandInput("X", "A", 0.1, 10.0, 0.5)), 40.0, null),
                "demand[0].varianceToMeanRatio");
        expectInvalid(request(List.of(new DemandInput("X", "A", Double.NaN, 10.0, 1.0)), 40.0, null),
                "demand[0].ratePerDay");
        expectInvalid(request(List.of(new DemandInput("X", "A", 0.1, 10.0, 1.0),
                new DemandInput("X", "A", 0.1, 10.0, 1.0)), 40.0, null), "demand[1].sku");
        expectInvalid(request(List.of(), 40.0, 1.0), "depots[0].minFillRate");
        expectInvalid(new OptimizeRequest(List.of(new PartInput("A", 10.0, 0.0)), List.of(new DepotInput("X", null,
                null, null)), List.of(), null, null, null, null), "parts[0].holdingRate");
        expectInvalid(new OptimizeRequest(List.of(new PartInput("A", 10.0, null)), List.of(new DepotInput("X", null,
                40.0, null)), List.of(), null, null, null, null), "depots[0].repairOrdersPerDay");
        expectInvalid(new OptimizeRequest(List.of(new PartInput("A", 10.0, null)), List.of(new DepotInput("X", null,
                null, null)), List.of(), null, null, Objective.MIN_BACKORDERS, null), "annualBudget");
    }

    @Test
    void eachObjectiveIgnoresTheOtherObjectivesFields() {
        List<PartInput> parts = List.of(new PartInput("A", 100.0, null), new PartInput("B", 40.0, null));
        List<DemandInput> demand = List.of(new DemandInput("X", "A", 0.2, 10.0, 1.0),
                new DemandInput("X", "B", 0.3, 12.0, 1.5));
        // a wait target no stock could meet and a zero backorder cap: both ignored under MIN_BACKORDERS
        OptimizeRequest backorders = new OptimizeRequest(parts, List.of(new DepotInput("X", 0.5, 0.0, null)), demand,
                0.0, null, Objective.MIN_BACKORDERS, 100.0);
        Plan plan = Optimizer.solve(backorders, SolverLimits.defaults(), ProgressListener.NONE);
        assertThat(plan.status()).isEqualTo(PlanStatus.OPTIMAL);
        assertThat(plan.depots().get(0).partsWaitHours())
                .isCloseTo(24.0 * plan.totalExpectedBackorders() / 0.5, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(plan.positions().stream().mapToDouble(position -> position.stockLevel()
                * (position.sku().equals("A") ? 25.0 : 10.0)).sum()).isLessThanOrEqualTo(100.0);
        // without a repair rate a wait target would be malformed under MIN_COST; ignored here
        OptimizeRequest noRate = new OptimizeRequest(parts, List.of(new DepotInput("X", null, 30.0, null)), demand,
                null, null, Objective.MIN_BACKORDERS, 100.0);
        assertThat(Optimizer.solve(noRate, SolverLimits.defaults(), ProgressListener.NONE).depots().get(0)
                .partsWaitHours()).isNull();
        // MIN_COST ignores the budget, even one no plan could keep
        OptimizeRequest cost = new OptimizeRequest(parts, List.of(new DepotInput("X", 0.5, 30.0, null)), demand,
                null, null, Objective.MIN_COST, 0.0);
        Plan costPlan = Optimizer.solve(cost, SolverLimits.defaults(), ProgressListener.NONE);
        assertThat(costPlan.annualHoldingCost()).isPositive();
        assertThat(costPlan.depots().get(0).partsWaitHours()).isLessThanOrEqualTo(30.0 + 1e-9);
        IndependentCheck.assertFeasible(cost, costPlan);
    }

    @Test
    void unreachableTargetsAreInfeasibleAndNameTheDepot() {
        assertThatThrownBy(() -> ModelBuilder.build(request(List.of(new DemandInput("X", "A", 0.1, 10.0, 1.0)),
                0.0, null)))
                .isInstanceOfSatisfying(DomainException.class, exception -> {
                    assertThat(exception.code()).isEqualTo(ErrorCode.INFEASIBLE);
                    assertThat(exception.getMessage()).contains("X").contains("maxPartsWaitHours");
                    assertThat(exception.details()).containsEntry("depot", "X");
                });
        OptimizeRequest budget = new OptimizeRequest(List.of(new PartInput("A", 100.0, null)),
                List.of(new DepotInput("X", 1.0, null, 0.9)), List.of(new DemandInput("X", "A", 0.5, 10.0, 1.0)),
                null, null, Objective.MIN_BACKORDERS, 10.0);
        assertThatThrownBy(() -> ModelBuilder.build(budget)).isInstanceOfSatisfying(DomainException.class,
                exception -> assertThat(exception.code()).isEqualTo(ErrorCode.INFEASIBLE));
    }

    @Test
    void cancellationStopsTheRun() {
        OptimizeRequest request = request(List.of(new DemandInput("X", "A", 0.1, 10.0, 1.0)), 40.0, null);
        assertThatThrownBy(() -> Optimizer.solve(request, new SolverLimits(1_000, () -> true), ProgressListener.NONE))
                .isInstanceOf(SolveCancelledException.class);
    }

    private static OptimizeRequest request(List<DemandInput> demand, Double wait, Double fillRate) {
        return new OptimizeRequest(List.of(new PartInput("A", 100.0, null)),
                List.of(new DepotInput("X", 1.0, wait, fillRate)), demand, null, null, null, null);
    }

    private static void expectInvalid(OptimizeRequest request, String field) {
        assertThatThrownBy(() -> ModelBuilder.build(request)).isInstanceOfSatisfying(DomainException.class,
                exception -> {
                    assertThat(exception.code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
                    assertThat(exception.status()).isEqualTo(422);
                    assertThat(exception.details()).containsEntry("field", field);
                });
    }
}
