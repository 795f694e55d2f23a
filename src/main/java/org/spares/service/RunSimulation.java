package org.spares.service;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.spares.db.DemandHistoryDao.Request;
import org.spares.domain.Recommendation;
import org.spares.optimize.OptimizeRequest;
import org.spares.optimize.Optimizer;
import org.spares.optimize.Plan;
import org.spares.optimize.PlanEvaluation;
import org.spares.optimize.ProgressListener;
import org.spares.optimize.StockLevelInput;
import org.spares.service.OptimizationSnapshot.PositionHistory;
import org.spares.simulate.BaseStockSimulator;
import org.spares.simulate.HistoryReplay;
import org.spares.simulate.ReplayPosition;
import org.spares.simulate.ReplayedMeasures;
import org.spares.simulate.SimDepot;
import org.spares.simulate.SimPosition;
import org.spares.simulate.SimulatedMeasures;
import org.spares.simulate.Simulation;
import org.spares.simulate.SimulationSettings;
import org.spares.simulate.SizeDistribution;

/**
 * What a run's levels would have given (docs/SIMULATION.md "Every run checks its plan"): for the recommended and
 * the current levels of every depot, what the model promises, what a replay of the window's own requests gives, and
 * what a simulation of the forecast demand gives (compound Poisson at the forecast rate, sizes drawn from the
 * position's own requests), with its confidence interval. Stored with the run's results.
 *
 * @param replications simulated runs of {@code days} days each; fewer for a large run (see {@link #replications})
 */
public record RunSimulation(int replications, int days, long seed, double confidence, int historyDays,
        List<DepotOutcome> depots, Outcome total) {
    /** One set of numbers: what the model promised, or what the replay of the window gave. */
    public record Measures(double fillRate, double expectedBackorders, Double partsWaitHours) {
    }

    /** One set of levels three ways. */
    public record Levels(Measures predicted, Measures history, SimulatedMeasures simulated) {
    }

    public record Outcome(Levels recommended, Levels current) {
    }

    public record DepotOutcome(String depot, Levels recommended, Levels current) {
    }

    static final int DAYS = 365;
    static final double CONFIDENCE = 0.95;
    /** Replications x positions a run simulates at most: about a second of simulation per 20,000 on two cores. */
    static final int POSITION_REPLICATIONS = 100_000;
    static final int MOST_REPLICATIONS = 100;
    static final int FEWEST_REPLICATIONS = 10;

    public RunSimulation {
        depots = List.copyOf(depots);
    }

    /** The run's depots the caller sees; the total only when that is all of them (it would tell of the others). */
    public RunSimulation visibleTo(Predicate<String> canSee) {
        List<DepotOutcome> visible = depots.stream().filter(depot -> canSee.test(depot.depot())).toList();
        return new RunSimulation(replications, days, seed, confidence, historyDays, visible,
                visible.size() == depots.size() ? total : null);
    }

    /**
     * Replays and simulates both sets of levels. {@code recommendations} are in the snapshot's position order and
     * {@code model} is the request the run solved; the seed is the run's id, so a run's simulation is the same every
     * time it is computed.
     */
    static RunSimulation of(OptimizationSnapshot snapshot, OptimizeRequest model, List<Recommendation> recommendations,
            long seed, ProgressListener progress) {
        List<SimDepot> depots = snapshot.depots().stream().map(history -> new SimDepot(history.depot().code(),
                (double) history.repairOrdersOpened() / snapshot.historyDays())).toList();
        List<PositionDemand> demand = demand(snapshot);
        int[] recommended = recommendations.stream().mapToInt(Recommendation::recommendedTargetLevel).toArray();
        int[] current = snapshot.positions().stream().mapToInt(PositionHistory::currentTargetLevel).toArray();
        int withDemand = (int) snapshot.positions().stream().filter(PositionHistory::hasDemand).count();
        SimulationSettings settings = new SimulationSettings(replications(withDemand), DAYS, seed, CONFIDENCE);
        Simulated forRecommended = simulate(snapshot, model, demand, depots, recommended, settings,
                (fraction, phase) -> progress.progress(fraction / 2, "simulate recommended"));
        Simulated forCurrent = simulate(snapshot, model, demand, depots, current, settings,
                (fraction, phase) -> progress.progress(0.5 + fraction / 2, "simulate current"));
        List<DepotOutcome> outcomes = new ArrayList<>();
        for (int index = 0; index < depots.size(); index++) {
            outcomes.add(new DepotOutcome(depots.get(index).code(), forRecommended.depot(index),
                    forCurrent.depot(index)));
        }
        return new RunSimulation(settings.replications(), DAYS, seed, CONFIDENCE, snapshot.historyDays(), outcomes,
                new Outcome(forRecommended.total(), forCurrent.total()));
    }

    /** As many as the budget allows, between 10 and 100: enough for an interval of a few percent either way. */
    static int replications(int positionsWithDemand) {
        int affordable = POSITION_REPLICATIONS / Math.max(1, positionsWithDemand);
        return Math.max(FEWEST_REPLICATIONS, Math.min(MOST_REPLICATIONS, affordable));
    }

    /** One set of levels: predicted, replayed and simulated, per depot and in total. */
    private record Simulated(PlanEvaluation predicted, ReplayedMeasures history, Simulation simulation) {
        Levels depot(int index) {
            Plan.DepotSummary promise = predicted.depots().get(index);
            return new Levels(new Measures(promise.fillRate(), promise.expectedBackorders(), promise.partsWaitHours()),
                    measures(history.depots().get(index)), simulation.depots().get(index).simulated());
        }

        Levels total() {
            PlanEvaluation.Total promise = predicted.total();
            return new Levels(new Measures(promise.fillRate(), promise.expectedBackorders(), promise.partsWaitHours()),
                    measures(history.total()), simulation.total());
        }

        private static Measures measures(org.spares.simulate.Measures replayed) {
            return new Measures(replayed.fillRate(), replayed.expectedBackorders(), replayed.partsWaitHours());
        }
    }

    /**
     * A position's demand as both uses need it, whatever the levels: its depot's index, lead time, the window's
     * requests in time order (days from the window's start, sizes), and, when it has a forecast, the sizes to draw.
     */
    private record PositionDemand(int depot, double leadTimeDays, double[] eventDays, int[] eventSizes,
            SizeDistribution sizes) {
    }

    private static List<PositionDemand> demand(OptimizationSnapshot snapshot) {
        Map<Long, Integer> depotIndex = new HashMap<>();
        for (int index = 0; index < snapshot.depots().size(); index++) {
            depotIndex.put(snapshot.depots().get(index).depot().id(), index);
        }
        List<PositionDemand> demand = new ArrayList<>();
        for (PositionHistory position : snapshot.positions()) {
            List<Request> inTime = position.requests().stream().sorted(Comparator.comparing(Request::at)).toList();
            int[] sizes = inTime.stream().mapToInt(Request::quantity).toArray();
            demand.add(new PositionDemand(depotIndex.get(position.depot().id()), position.part().leadTimeDays(),
                    inTime.stream().mapToDouble(request -> snapshot.window().dayOf(request.at())).toArray(), sizes,
                    position.hasDemand() ? SizeDistribution.empirical(sizes) : null));
        }
        return demand;
    }

    private static Simulated simulate(OptimizationSnapshot snapshot, OptimizeRequest model,
            List<PositionDemand> demand, List<SimDepot> depots, int[] levels, SimulationSettings settings,
            ProgressListener progress) {
        List<SimPosition> simulated = new ArrayList<>();
        List<ReplayPosition> replayed = new ArrayList<>();
        List<StockLevelInput> plan = new ArrayList<>();
        for (int index = 0; index < snapshot.positions().size(); index++) {
            PositionHistory position = snapshot.positions().get(index);
            PositionDemand positionDemand = demand.get(index);
            plan.add(new StockLevelInput(position.depot().code(), position.part().sku(), levels[index]));
            if (positionDemand.eventDays().length > 0) {
                replayed.add(new ReplayPosition(positionDemand.depot(), positionDemand.leadTimeDays(), levels[index],
                        positionDemand.eventDays(), positionDemand.eventSizes()));
            }
            if (positionDemand.sizes() != null) {
                simulated.add(new SimPosition(positionDemand.depot(), position.forecast().ratePerDay(),
                        positionDemand.leadTimeDays(), levels[index], positionDemand.sizes()));
            }
        }
        // The optimizer's own evaluation of the levels, on the very model the run solved.
        PlanEvaluation predicted = Optimizer.evaluate(model, plan);
        return new Simulated(predicted, HistoryReplay.replay(depots, replayed, snapshot.historyDays()),
                BaseStockSimulator.simulate(depots, simulated, settings, progress));
    }
}
