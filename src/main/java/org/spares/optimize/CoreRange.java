package org.spares.optimize;






/**
 * Reduced-cost fixing for one scope. Moving position i from its relaxed level to level s raises the Lagrangian
 * bound by the sum of the reduced costs of the flipped units (the relaxation separates), a convex function of s;
 * only the levels where that rise stays within the threshold (incumbent minus slack minus bound) can beat the
 * incumbent by more than the slack. Units below {@code first} are then fixed to 1, units from {@code end} on to 0.
 * This also cuts off the long tail of cheap units.
 */
record CoreRange(int[] scope, int[] first, int[] end, long units) {

    boolean tooLarge(long maximumUnits) {
        return units > maximumUnits;
    }

    static CoreRange of(UnitProblem problem, Lagrangian lagrangian, Lagrangian.Evaluation evaluation, int[] scope,
            double threshold, long maximumUnits) {
        int[] first = new int[scope.length];
        int[] end = new int[scope.length];
        long units = 0;
        for (int index = 0; index < scope.length; index++) {
            int position = scope[index];
            int floor = problem.tables.floor(position);
            int relaxed = floor;
            while (lagrangian.reducedCost(evaluation, position, relaxed) < 0.0) {
                relaxed++;
            }
            int low = relaxed;
            double rise = 0.0;
            while (low > floor && rise - lagrangian.reducedCost(evaluation, position, low - 1) <= threshold) {
                rise -= lagrangian.reducedCost(evaluation, position, low - 1);
                low--;
            }
            int high = relaxed;
            rise = 0.0;
            while (rise + lagrangian.reducedCost(evaluation, position, high) <= threshold) {
                rise += lagrangian.reducedCost(evaluation, position, high);
                high++;
                if (high - relaxed > maximumUnits) {
                    return new CoreRange(scope, first, end, Long.MAX_VALUE);
                }
            }
            first[index] = low;
            end[index] = high;
            units += high - low;
            if (units > maximumUnits) {
                return new CoreRange(scope, first, end, units);
            }
        }
        return new CoreRange(scope, first, end, units);
    }
}
