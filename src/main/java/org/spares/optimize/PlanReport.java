package org.spares.optimize;

import java.util.ArrayList;
import java.util.List;
import org.spares.domain.Depot;
import org.spares.domain.Position;

/**
 * Evaluates a plan with the same unit tables the search used (one evaluation: the search, the heuristics and this
 * check cannot disagree about a target), checks every constraint, and builds the answer. A plan that breaks a
 * constraint is a bug, so it is refused. The tables themselves are checked against the distribution formulas by
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
        int depotCount = model.depots().size();
        int partCount = model.allSkus().size();
        int[][] levelOf = new int[depotCount][partCount];
        StockModel.Position[][] positionOf = new StockModel.Position[depotCount][partCount];
        double[][] backordersOf = new double[depotCount][partCount];
        for (int index = 0; index < levels.length; index++) {
            StockModel.Position position = model.positions().get(index);
            levelOf[position.depotIndex()][position.partIndex()] = levels[index];
            positionOf[position.depotIndex()][position.partIndex()] = position;
            backordersOf[position.depotIndex()][position.partIndex()] = problem.tables.backorders(index, levels[index]);
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
                checkFillRate(model.depots().get(depot), plan);
            }
            depots.add(depotSummary(model, depot, depotTotals));
            totals.addAll(depotTotals);
        }
        checkConstraints(model, depots, totals);
        return answer(model, totals, objectiveBound, solveMillis, depots, positions);
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

    private static void checkFillRate(StockModel.Depot depot, Plan.PositionPlan plan) {
        if (depot.minFillRate() > 0.0 && !Constraints.atLeast(plan.fillRate(), depot.minFillRate())) {
            throw new IllegalStateException("plan breaks the fill-rate floor at " + depot.code() + "/" + plan.sku());
        }
    }

    private static void checkConstraints(StockModel model, List<Plan.DepotSummary> depots, Totals totals) {
        for (int depot = 0; depot < depots.size(); depot++) {
            StockModel.Depot input = model.depots().get(depot);
            if (input.backorderLimit() != null
                    && !Constraints.atMost(depots.get(depot).expectedBackorders(), input.backorderLimit())) {
                throw new IllegalStateException("plan breaks the wait target of depot " + input.code());
            }
        }
        if (model.backorderLimit() != null && !Constraints.atMost(totals.backorders, model.backorderLimit())) {
            throw new IllegalStateException("plan breaks maxTotalBackorders");
        }
        if (model.annualBudget() != null && !Constraints.atMost(totals.stockValue, model.annualBudget())) {
            throw new IllegalStateException("plan breaks annualBudget");
        }
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
