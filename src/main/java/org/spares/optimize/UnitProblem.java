package org.spares.optimize;

import java.util.ArrayList;
import java.util.List;

/**
 * The 0/1 unit-step problem: choose units per position (a prefix, since gains fall and costs rise), subject to
 * covering rows (per-depot wait, system-wide backorders: sum of gains >= requirement) or one packing row
 * (budget on sum h * S). The objective per unit is its cost (MIN_COST) or minus its gain (MIN_BACKORDERS).
 */
final class UnitProblem {
    final StockModel model;
    final UnitTables tables;
    final boolean minimiseBackorders;
    /** sum of EBO(0) in the depot minus its EBO cap; NaN when the depot has no wait target. */
    final double[] depotRequirement;
    final double totalRequirement;
    final double budget;
    final int[][] depotPositions;

    UnitProblem(StockModel model) {
        this.model = model;
        this.tables = new UnitTables(model);
        this.minimiseBackorders = model.objective() == Objective.MIN_BACKORDERS;
        int depotCount = model.depots().size();
        double[] depotMean = new double[depotCount];
        List<List<Integer>> members = new ArrayList<>();
        for (int depot = 0; depot < depotCount; depot++) {
            members.add(new ArrayList<>());
        }
        double totalMean = 0.0;
        for (int index = 0; index < tables.size(); index++) {
            double zeroStock = tables.zeroStockBackorders(index);
            depotMean[tables.depot(index)] += zeroStock;
            members.get(tables.depot(index)).add(index);
            totalMean += zeroStock;
        }
        depotRequirement = new double[depotCount];
        depotPositions = new int[depotCount][];
        for (int depot = 0; depot < depotCount; depot++) {
            Double limit = model.depots().get(depot).backorderLimit();
            depotRequirement[depot] = limit == null ? Double.NaN : depotMean[depot] - limit;
            depotPositions[depot] = members.get(depot).stream().mapToInt(Integer::intValue).toArray();
        }
        totalRequirement = model.backorderLimit() == null ? Double.NaN : totalMean - model.backorderLimit();
        budget = model.annualBudget() == null ? Double.NaN : model.annualBudget();
    }

    boolean hasGlobalRow() {
        return !Double.isNaN(totalRequirement) || !Double.isNaN(budget);
    }

    boolean hasDepotRow(int depot) {
        return !Double.isNaN(depotRequirement[depot]);
    }

    /** The objective coefficient of unit (k + 1). */
    double objective(int position, int unit) {
        return minimiseBackorders ? -tables.gain(position, unit) : tables.cost(position, unit);
    }

    /** The objective of a whole plan over the given positions (for MIN_BACKORDERS: minus the gains). */
    double objectiveOf(int[] levels, int[] scope) {
        double sum = 0.0;
        for (int position : scope) {
            for (int unit = 0; unit < levels[position]; unit++) {
                sum += objective(position, unit);
            }
        }
        return sum;
    }

    double gainOf(int position, int level) {
        double sum = 0.0;
        for (int unit = 0; unit < level; unit++) {
            sum += tables.gain(position, unit);
        }
        return sum;
    }

    /** Whether a plan meets every row (gains recomputed from scratch) within the shared tolerance. */
    boolean feasible(int[] levels) {
        double total = 0.0;
        double spent = 0.0;
        for (int depot = 0; depot < depotPositions.length; depot++) {
            double depotGain = 0.0;
            for (int position : depotPositions[depot]) {
                if (levels[position] < tables.floor(position)) {
                    return false;
                }
                depotGain += gainOf(position, levels[position]);
                spent += tables.holding(position) * levels[position];
            }
            total += depotGain;
            if (hasDepotRow(depot) && !Constraints.atLeast(depotGain, depotRequirement[depot])) {
                return false;
            }
        }
        boolean totalMet = Double.isNaN(totalRequirement) || Constraints.atLeast(total, totalRequirement);
        return totalMet && (Double.isNaN(budget) || Constraints.atMost(spent, budget));
    }

    int[] allPositions() {
        int[] all = new int[tables.size()];
        for (int index = 0; index < all.length; index++) {
            all[index] = index;
        }
        return all;
    }
}
