package org.spares.api.dto;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.ArrayList;
import java.util.List;
import org.spares.optimize.CostModel;
import org.spares.optimize.DemandInput;
import org.spares.optimize.DepotInput;
import org.spares.optimize.Objective;
import org.spares.optimize.OptimizeRequest;
import org.spares.optimize.PartInput;
import org.spares.optimize.Plan;
import org.spares.optimize.PlanEvaluation;
import org.spares.optimize.StockLevelInput;
import org.spares.simulate.PlanSimulation;
import org.spares.simulate.SimulatedMeasures;
import org.spares.simulate.SimulationBounds;
import org.spares.simulate.SimulationSettings;

/** Wire shapes of POST /optimizer/simulate (SIMULATION.md). */
public final class SimulationDtos {
    private SimulationDtos() {
    }

    /**
     * The /optimizer/solve model plus the plan to check and how much to simulate. {@code stockLevels} absent: the
     * optimal plan is solved and checked; present (even empty): those levels, positions not listed at 0. Ranges and
     * defaults are {@link SimulationBounds}'s, checked there so the 422 names the field.
     */
    public record SimulateRequest(List<PartInput> parts, List<DepotInput> depots, List<DemandInput> demand,
            Double maxTotalBackorders, CostModel costModel, Objective objective, Double annualBudget,
            List<StockLevelInput> stockLevels, Integer replications, Integer days, Long seed, Double confidence) {

        public OptimizeRequest model() {
            return new OptimizeRequest(parts, depots, demand, maxTotalBackorders, costModel, objective, annualBudget);
        }

        public SimulationSettings settings() {
            return SimulationBounds.settings(replications, days, seed, confidence);
        }
    }

    /** The model's value for a depot or the whole plan; {@code partsWaitHours} null without repair orders. */
    public record Predicted(double fillRate, double expectedBackorders, Double partsWaitHours) {
    }

    @Schema(name = "SimulatedDepot")
    public record DepotView(String depot, Predicted predicted, SimulatedMeasures simulated) {
    }

    @Schema(name = "SimulatedTotal")
    public record TotalView(Predicted predicted, SimulatedMeasures simulated) {
    }

    /**
     * The answer: per depot and in total, predicted next to simulated (mean and interval); the settings used; the
     * levels simulated; and the request's targets the plan breaks, if any (a given plan is checked, not refused).
     */
    public record SimulationView(List<DepotView> depots, TotalView total, int replications, int days, long seed,
            double confidence, List<StockLevelInput> stockLevels, List<String> brokenTargets) {

        public static SimulationView of(PlanSimulation simulation) {
            PlanEvaluation predicted = simulation.predicted();
            List<DepotView> depots = new ArrayList<>(predicted.depots().size());
            for (int depot = 0; depot < predicted.depots().size(); depot++) {
                Plan.DepotSummary summary = predicted.depots().get(depot);
                depots.add(new DepotView(summary.code(), new Predicted(summary.fillRate(),
                        summary.expectedBackorders(), summary.partsWaitHours()),
                        simulation.simulated().depots().get(depot).simulated()));
            }
            PlanEvaluation.Total total = predicted.total();
            SimulationSettings settings = simulation.settings();
            return new SimulationView(depots, new TotalView(new Predicted(total.fillRate(),
                    total.expectedBackorders(), total.partsWaitHours()), simulation.simulated().total()),
                    settings.replications(), settings.days(), settings.seed(), settings.confidence(),
                    simulation.stockLevels(), predicted.brokenTargets());
        }
    }
}
