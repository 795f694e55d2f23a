package org.spares.optimize;

import java.util.List;
import org.spares.domain.Position;

/**
 * The unit-step data of every position with demand: unit k+1 of position i gains P(X_i > k) in EBO and costs
 * h_i (STOCK_LEVEL) or h_i * P(X_i <= k) (EXPECTED_ON_HAND; gains fall and costs rise with k, so both models
 * stay convex). Tables hold the units worth considering plus one sentinel unit; they grow on demand.
 *
 * <p>These tables are the one evaluation of a plan: the search, the heuristics and the report's constraint check
 * all read expected backorders from here ({@link #backorders}), so they cannot disagree about whether a plan meets
 * a target. EBO(S) is the tail beyond the table (computed directly) plus the table's gains from S on: a sum of
 * positive terms, exact in both tails, and EBO(S) - EBO(S + 1) is exactly the gain the search counts.
 */
final class UnitTables {
    private final List<StockModel.Position> positions;
    private final boolean onHandCost;
    private final double[][] gains;
    private final double[][] cumulatives;
    /** EBO at the table's length, P(X > k) summed over every k past the table. */
    private final double[] tailBackorders;

    UnitTables(StockModel model) {
        this.positions = model.positions();
        this.onHandCost = model.costModel() == CostModel.EXPECTED_ON_HAND;
        this.gains = new double[positions.size()][];
        this.cumulatives = new double[positions.size()][];
        this.tailBackorders = new double[positions.size()];
        for (int index = 0; index < positions.size(); index++) {
            StockModel.Position position = positions.get(index);
            double length = initialLength(position.mean(), effectiveVarianceToMean(position.distribution()));
            fill(index, Math.max((int) Math.ceil(length), position.floor() + 2));
        }
    }

    /** Units worth tabulating up front: eight standard deviations past the mean (TableSize estimates from this). */
    static double initialLength(double mean, double varianceToMean) {
        return mean + 8.0 * Math.sqrt(mean * varianceToMean) + 4.0;
    }

    private static double effectiveVarianceToMean(PipelineDistribution distribution) {
        return distribution instanceof NegativeBinomialPipeline negative ? negative.varianceToMean() : 1.0;
    }

    private void fill(int index, int length) {
        PipelineDistribution distribution = positions.get(index).distribution();
        gains[index] = distribution.survivalSequence(length);
        tailBackorders[index] = distribution.expectedBackorders(length);
        if (onHandCost) {
            cumulatives[index] = distribution.cumulativeSequence(length);
        }
    }

    int size() {
        return gains.length;
    }

    /** Units that may be stocked; the unit at this index is the sentinel. */
    int usable(int position) {
        return gains[position].length - 1;
    }

    void extend(int position) {
        fill(position, 2 * gains[position].length + 4);
    }

    /** Grows the table so that the given unit exists. */
    void ensure(int position, int unit) {
        while (unit >= gains[position].length) {
            extend(position);
        }
    }

    double gain(int position, int unit) {
        ensure(position, unit);
        return gains[position][unit];
    }

    double holding(int position) {
        return positions.get(position).holdingCost();
    }

    /** The cost of unit (k + 1) under the cost model. */
    double cost(int position, int unit) {
        double holding = positions.get(position).holdingCost();
        ensure(position, unit);
        return onHandCost ? holding * cumulatives[position][unit] : holding;
    }

    int floor(int position) {
        return positions.get(position).floor();
    }

    int depot(int position) {
        return positions.get(position).depotIndex();
    }

    /** EBO(level) of the position: the tail past the table plus the gains of the units above the level. */
    double backorders(int position, int level) {
        ensure(position, level);
        double sum = tailBackorders[position];
        double[] table = gains[position];
        for (int unit = table.length - 1; unit >= level; unit--) {
            sum += table[unit];
        }
        return sum;
    }

    /** EBO(0), the mean pipeline as this evaluation counts it (it differs from mu by rounding only). */
    double zeroStockBackorders(int position) {
        return backorders(position, 0);
    }
}
