package org.spares.optimize;

import java.util.Comparator;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;

/**
 * Exact 0/1 knapsack (maximise sum p*z s.t. sum w*z <= capacity, p, w >= 0) by depth-first branch and bound with
 * the Dantzig (LP) bound, items in falling profit/weight order. Written for the one-row cores of the unit-step
 * model, where it proves optimality itself instead of trusting a general MIP's tolerances.
 *
 * <p>What is proven is tracked exactly: every subtree left out (pruned by its bound, or not entered because the
 * deadline passed) has an LP bound, and the optimum is at most the largest of those bounds and the best plan
 * found. A subtree whose bound exceeds the best by no more than {@code allowance} is pruned too, which is how a
 * target gap saves work; its bound still enters the proof.
 */
final class Knapsack {
    private static final int CHECK_EVERY = 4096;
    private final double[] profit;
    private final double[] weight;
    private final int[] order;
    private final double[] prefixProfit;
    private final double[] prefixWeight;
    private final double capacity;
    private final double allowance;
    /** Every profit is a multiple of this (0: no such grid), so any selection's profit is too. */
    private final double grain;
    private final long deadlineNanos;
    private final BooleanSupplier cancelled;
    private final boolean[] current;
    private boolean[] best;
    private double bestProfit;
    private double provenBound;
    private boolean aborted;
    private long nodes;

    /**
     * The answer: the chosen items (input order; null when nothing beat the cutoff), their profit, and a proven
     * upper bound on the optimum (at least the cutoff).
     */
    record Result(boolean[] chosen, double profit, double upperBound, boolean complete) {
    }

    private Knapsack(double[] profit, double[] weight, double capacity, double allowance, long deadlineNanos,
            BooleanSupplier cancelled) {
        int count = profit.length;
        this.order = IntStream.range(0, count).boxed()
                .sorted(Comparator.comparingDouble((Integer item) -> -ratio(profit[item], weight[item])))
                .mapToInt(Integer::intValue).toArray();
        this.profit = new double[count];
        this.weight = new double[count];
        this.prefixProfit = new double[count + 1];
        this.prefixWeight = new double[count + 1];
        for (int index = 0; index < count; index++) {
            this.profit[index] = profit[order[index]];
            this.weight[index] = weight[order[index]];
            prefixProfit[index + 1] = prefixProfit[index] + this.profit[index];
            prefixWeight[index + 1] = prefixWeight[index] + this.weight[index];
        }
        this.capacity = capacity;
        this.allowance = Math.max(0.0, allowance);
        this.grain = ProfitGrain.of(this.profit);
        this.deadlineNanos = deadlineNanos;
        this.cancelled = cancelled;
        this.current = new boolean[count];
        this.provenBound = Double.NEGATIVE_INFINITY;
    }

    /**
     * @param cutoff the profit of the incumbent: only selections above it are wanted
     * @param allowance absolute slack: subtrees that could beat the best by at most this much are not searched
     */
    static Result solve(double[] profit, double[] weight, double capacity, double cutoff, double allowance,
            long deadlineNanos, BooleanSupplier cancelled) {
        Knapsack knapsack = new Knapsack(profit, weight, capacity, allowance, deadlineNanos, cancelled);
        knapsack.bestProfit = cutoff;
        if (capacity >= 0.0) {
            knapsack.search(0, 0.0, capacity);
        }
        boolean[] chosen = null;
        if (knapsack.best != null) {
            chosen = new boolean[profit.length];
            for (int index = 0; index < chosen.length; index++) {
                chosen[knapsack.order[index]] = knapsack.best[index];
            }
        }
        double upper = Math.max(knapsack.bestProfit, knapsack.provenBound);
        return new Result(chosen, knapsack.bestProfit, upper, !knapsack.aborted);
    }

    private static double ratio(double profit, double weight) {
        return weight > 0.0 ? profit / weight : Double.POSITIVE_INFINITY;
    }

    private void search(int item, double gathered, double room) {
        double bound = onGrain(gathered + lpBound(item, room));
        if (bound <= bestProfit + allowance + 1e-9 * grain || stop()) {
            provenBound = Math.max(provenBound, bound);
            return;
        }
        if (item == profit.length || room >= prefixWeight[profit.length] - prefixWeight[item]) {
            // every remaining item fits: take them all (the bound was exactly this, and above the best)
            for (int rest = item; rest < profit.length; rest++) {
                current[rest] = true;
            }
            bestProfit = gathered + prefixProfit[profit.length] - prefixProfit[item];
            best = current.clone();
            for (int rest = item; rest < profit.length; rest++) {
                current[rest] = false;
            }
            return;
        }
        if (weight[item] <= room) {
            current[item] = true;
            search(item + 1, gathered + profit[item], room - weight[item]);
            current[item] = false;
        }
        search(item + 1, gathered, room);
    }

    /** With a profit grid, no selection's profit lies strictly between a grid point and the next: round down. */
    private double onGrain(double bound) {
        return grain > 0.0 ? grain * Math.floor(bound / grain + 1e-9) : bound;
    }

    /**
     * LP value of items [item, n) with the given room: whole items by ratio, then a fraction of the next; tightened
     * by the Martello-Toth bound, which decides the critical item s either way (without it: a fraction of s + 1;
     * with it: s pays for its overflow at the rate of s - 1).
     */
    private double lpBound(int item, double room) {
        double base = prefixWeight[item];
        int low = item;
        int high = profit.length;
        // largest k with prefixWeight[k] - base <= room: items [item, k) fit whole
        while (low < high) {
            int middle = (low + high + 1) >>> 1;
            if (prefixWeight[middle] - base <= room) {
                low = middle;
            } else {
                high = middle - 1;
            }
        }
        double value = prefixProfit[low] - prefixProfit[item];
        if (low >= profit.length || weight[low] <= 0.0) {
            return value;
        }
        double left = Math.max(0.0, room - (prefixWeight[low] - base));
        double dantzig = value + left * profit[low] / weight[low];
        double without = low + 1 < profit.length && weight[low + 1] > 0.0
                ? value + left * profit[low + 1] / weight[low + 1] : value;
        double with = low > item && weight[low - 1] > 0.0
                ? value + profit[low] - (weight[low] - left) * profit[low - 1] / weight[low - 1] : dantzig;
        return Math.min(dantzig, Math.max(without, with));
    }

    private boolean stop() {
        if (aborted) {
            return true;
        }
        if (++nodes % CHECK_EVERY == 0 && (System.nanoTime() - deadlineNanos > 0 || cancelled.getAsBoolean()
                || Thread.currentThread().isInterrupted())) {
            aborted = true;
        }
        return aborted;
    }

}
