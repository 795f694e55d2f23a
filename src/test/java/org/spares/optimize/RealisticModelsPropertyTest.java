package org.spares.optimize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.spares.domain.DomainException;
import org.spares.domain.ErrorCode;


/**
 * Random models shaped like the demo's data ({@link RealisticModels}), in every combination of targets the
 * request allows, small enough for a test run: the optimizer never fails, every plan it answers meets every
 * constraint by {@link IndependentCheck} (the formulas, not the solver's tables), and what it says about
 * optimality is consistent: the gap is (objective - lower bound) / objective, OPTIMAL exactly when that is at most
 * 1e-9. A target no stock can meet may be refused, but only as 422 INFEASIBLE.
 */
class RealisticModelsPropertyTest {

    @Property(tries = 20)
    void realisticModelsSolveToFeasibleHonestPlans(@ForAll @IntRange(min = 1, max = 6) int depots,
            @ForAll @IntRange(min = 5, max = 250) int parts, @ForAll @IntRange(min = 60, max = 730) int days,
            @ForAll @LongRange(min = 1, max = 1_000_000) long seed, @ForAll @IntRange(min = 0, max = 4) int variant) {
        OptimizeRequest request = withVariant(RealisticModels.generate(depots, parts, days, seed), variant);
        Plan plan;
        try {
            plan = Optimizer.solve(request, new SolverLimits(5_000, () -> false), ProgressListener.NONE);
        } catch (DomainException refused) {
            assertThat(refused.code()).as(refused.getMessage()).isEqualTo(ErrorCode.INFEASIBLE);
            return;
        }
        IndependentCheck.assertFeasible(request, plan);
        double objective = request.objective() == Objective.MIN_BACKORDERS ? plan.totalExpectedBackorders()
                : plan.annualHoldingCost();
        assertThat(plan.lowerBound()).isLessThanOrEqualTo(objective);
        double gap = objective > 0.0 ? (objective - plan.lowerBound()) / objective : 0.0;
        assertThat(plan.gap()).isCloseTo(gap, within(1e-12));
        assertThat(plan.status()).isEqualTo(plan.gap() <= 1e-9 ? PlanStatus.OPTIMAL : PlanStatus.FEASIBLE);
    }

    /**
     * 0: as the service builds it; 1: plus a system-wide backorder cap (half of what the depots' targets allow);
     * 2: expected-on-hand cost; 3: least backorders for half the budget of stocking every mean; 4: every depot
     * with a fill-rate floor of 0.9.
     */
    private static OptimizeRequest withVariant(OptimizeRequest request, int variant) {
        return switch (variant) {
            case 1 -> new OptimizeRequest(request.parts(), request.depots(), request.demand(),
                    0.5 * depotCaps(request), null, null, null);
            case 2 -> new OptimizeRequest(request.parts(), request.depots(), request.demand(), null,
                    CostModel.EXPECTED_ON_HAND, null, null);
            case 3 -> new OptimizeRequest(request.parts(), request.depots(), request.demand(), null, null,
                    Objective.MIN_BACKORDERS, 0.5 * costOfTheMeans(request));
            case 4 -> new OptimizeRequest(request.parts(), request.depots().stream()
                    .map(depot -> new DepotInput(depot.code(), depot.repairOrdersPerDay(),
                            depot.maxPartsWaitHours(), 0.9)).toList(), request.demand(), null, null, null, null);
            default -> request;
        };
    }

    private static double depotCaps(OptimizeRequest request) {
        return request.depots().stream().filter(depot -> depot.maxPartsWaitHours() != null)
                .mapToDouble(depot -> depot.repairOrdersPerDay() * depot.maxPartsWaitHours() / 24.0).sum();
    }

    private static double costOfTheMeans(OptimizeRequest request) {
        List<PartInput> parts = request.parts();
        double sum = 0.0;
        for (DemandInput row : request.demand()) {
            PartInput part = parts.stream().filter(candidate -> candidate.sku().equals(row.sku())).findFirst()
                    .orElseThrow();
            sum += part.unitCost() * part.holdingRate() * Math.ceil(row.ratePerDay() * row.leadTimeDays());
        }
        return sum;
    }
}
