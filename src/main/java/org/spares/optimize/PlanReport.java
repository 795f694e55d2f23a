package org.spares.optimize;

import java.util.ArrayList;
import java.util.List;

/**
 * Evaluates a plan with the same unit tables the search used (one evaluation: the search, the heuristics, this
 * check and {@link Optimizer#evaluate} cannot disagree about a target), checks every constraint, and builds the
 * answer. A solved plan that breaks a constraint is a bug, so it is refused; a given plan is only told what it
 * breaks. The tables themselves are checked against the distribution formulas by
 * the tests (UnitTablesTest), so one evaluation does not mean an unchecked one.
 */
final class PlanReport {
    static final double OPTIMAL_GAP = 1e-9;

    private PlanReport() {
    }

    /**
     * @param levels stock per position with demand (model order)
     * @param objectiveBound proven lower bound on the objective (cost, or total EBO for MIN_BACKORDERS)
     */
    static Plan report(UnitProblem problem, int[] levels, double objectiveBound, long solveMillis) {
        StockModel model = problem.model;
        int[][] levelOf = new int[model.depots().size()][model.allSkus().size()];
        for (int index = 0; index < levels.length; index++) {
            StockModel.Position position = model.positions().get(index);
            levelOf[position.depotIndex()][position.partIndex()] = levels[index];
        }
        Summary summary = summarise(problem, levelOf);
        List<String> broken = brokenTargets(model, summary);
        if (!broken.isEmpty()) {
            throw new IllegalStateException("plan breaks " + broken);
        }
        return answer(model, summary.totals, objectiveBound, solveMillis, summary.depots, summary.positions);
    }

    /**
     * A given plan, every depot x part pair's level (positions without demand may hold stock too), evaluated like a
     * solved one; the targets it breaks are named, not refused.
     */
    static PlanEvaluation evaluate(UnitProblem problem, int[][] levelOf) {
        StockModel model = problem.model;
        Summary summary = summarise(problem, levelOf);
        Totals totals = summary.totals;
        double repairRate = model.depots().stream()
                .mapToDouble(depot -> depot.repairOrdersPerDay() == null ? 0.0 : depot.repairOrdersPerDay()).sum();
        Double wait = repairRate > 0.0 ? 24.0 * totals.backorders / repairRate : null;
        return new PlanEvaluation(summary.depots, new PlanEvaluation.Total(totals.units, totals.cost,
                totals.backorders, wait, totals.fillRate()), summary.positions, brokenTargets(model, summary));
    }

    /** Positions (depot-major, in request order), depot summaries and totals of a plan. */
    private record Summary(List<Plan.PositionPlan> positions, List<Plan.DepotSummary> depots, Totals totals) {
    }

    private static Summary summarise(UnitProblem problem, int[][] levelOf) {
        StockModel model = problem.model;
        int depotCount = model.depots().size();
        int partCount = model.allSkus().size();
        StockModel.Position[][] positionOf = new StockModel.Position[depotCount][partCount];
        double[][] backordersOf = new double[depotCount][partCount];
        for (int index = 0; index < model.positions().size(); index++) {
            StockModel.Position position = model.positions().get(index);
            positionOf[position.depotIndex()][position.partIndex()] = position;
            backordersOf[position.depotIndex()][position.partIndex()] = problem.tables.backorders(index,
                    levelOf[position.depotIndex()][position.partIndex()]);
        }
        List<Plan.PositionPlan> positions = new ArrayList<>(depotCount * partCount);
        List<Plan.DepotSummary> depots = new ArrayList<>(depotCount);
        Totals totals = new Totals();
        for (int depot = 0; depot < depotCount; depot++) {
            Totals depotTotals = new Totals();
            for (int part = 0; part < partCount; part++) {
                Plan.PositionPlan plan = positionPlan(model, depot, part, positionOf[depot][part],
                        levelOf[depot][part], backordersOf[depot][part]);
                positions.add(plan);
                double rate = positionOf[depot][part] == null ? 0.0 : positionOf[depot][part].ratePerDay();
                depotTotals.add(plan, rate, model.holdingCosts().get(part) * plan.stockLevel());
            }
            depots.add(depotSummary(model, depot, depotTotals));
            totals.addAll(depotTotals);
        }
        return new Summary(positions, depots, totals);
    }

    private static Plan answer(StockModel model, Totals totals, double objectiveBound, long solveMillis,
            List<Plan.DepotSummary> depots, List<Plan.PositionPlan> positions) {
        double objective = model.objective() == Objective.MIN_BACKORDERS ? totals.backorders : totals.cost;
        double bound = Math.min(objectiveBound, objective);
        double gap = objective > 0.0 ? Math.max(0.0, (objective - bound) / objective) : 0.0;
        PlanStatus status = gap <= OPTIMAL_GAP ? PlanStatus.OPTIMAL : PlanStatus.FEASIBLE;
        return new Plan(status, totals.cost, bound, gap, totals.backorders, solveMillis, depots, positions);
    }

    private static Plan.PositionPlan positionPlan(StockModel model, int depot, int part,
            StockModel.Position position, int level, double backorders) {
        String code = model.depots().get(depot).code();
        String sku = model.allSkus().get(part);
        if (position == null) {
            return new Plan.PositionPlan(code, sku, level, level - 1, 0.0, 0.0, 1.0, level,
                    positionCost(model, model.holdingCosts().get(part), level, level));
        }
        PipelineDistribution distribution = position.distribution();
        double onHand = distribution.expectedOnHand(level);
        return new Plan.PositionPlan(code, sku, level, level - 1, distribution.mean(), backorders,
                distribution.fillRate(level), onHand,
                positionCost(model, position.holdingCost(), level, onHand));
    }

    private static double positionCost(StockModel model, double holding, int level, double onHand) {
        return model.costModel() == CostModel.EXPECTED_ON_HAND ? holding * onHand : holding * level;
    }

    private static Plan.DepotSummary depotSummary(StockModel model, int depot, Totals totals) {
        StockModel.Depot input = model.depots().get(depot);
        Double rate = input.repairOrdersPerDay();
        Double wait = rate == null || rate <= 0.0 ? null : 24.0 * totals.backorders / rate;
        return new Plan.DepotSummary(input.code(), totals.units, totals.cost, totals.backorders, wait,
                totals.fillRate());
    }

    /** The request fields whose targets the plan breaks (a solved plan breaking one is a bug). */
    private static List<String> brokenTargets(StockModel model, Summary summary) {
        List<String> broken = new ArrayList<>();
        int partCount = model.allSkus().size();
        for (int depot = 0; depot < summary.depots.size(); depot++) {
            StockModel.Depot input = model.depots().get(depot);
            if (input.backorderLimit() != null
                    && !Constraints.atMost(summary.depots.get(depot).expectedBackorders(), input.backorderLimit())) {
                broken.add("depots[" + depot + "].maxPartsWaitHours");
            }
            if (input.minFillRate() > 0.0 && summary.positions.subList(depot * partCount, (depot + 1) * partCount)
                    .stream().anyMatch(plan -> !Constraints.atLeast(plan.fillRate(), input.minFillRate()))) {
                broken.add("depots[" + depot + "].minFillRate");
            }
        }
        if (model.backorderLimit() != null
                && !Constraints.atMost(summary.totals.backorders, model.backorderLimit())) {
            broken.add("maxTotalBackorders");
        }
        if (model.annualBudget() != null && !Constraints.atMost(summary.totals.stockValue, model.annualBudget())) {
            broken.add("annualBudget");
        }
        return broken;
    }

    /** Running sums of a depot or of the whole plan. */
    private static final class Totals {
        long units;
        double cost;
        double stockValue;
        double backorders;
        double weightedFill;
        double rate;

        void add(Plan.PositionPlan plan, double ratePerDay, double value) {
            units += plan.stockLevel();
            cost += plan.annualHoldingCost();
            stockValue += value;
            backorders += plan.expectedBackorders();
            weightedFill += ratePerDay * plan.fillRate();
            rate += ratePerDay;
        }

        void addAll(Totals other) {
            units += other.units;
            cost += other.cost;
            stockValue += other.stockValue;
            backorders += other.backorders;
            weightedFill += other.weightedFill;
            rate += other.rate;
        }

        double fillRate() {
            return rate > 0.0 ? weightedFill / rate : 1.0;
        }
    }
}
