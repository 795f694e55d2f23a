package org.spares.optimize;

import java.util.Arrays;
import java.util.Comparator;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;

/**
 * Exact 0/1 knapsack (maximise sum p*z s.t. sum w*z <= capacity, p, w >= 0), written for the one-row cores of the
 * unit-step model, where it proves optimality itself instead of trusting a general MIP's tolerances.
 *
 * <p>Dynamic programming over Pareto states with bounds (the state lists of Nemhauser-Ullmann and Pisinger's
 * expknap): items are added in falling profit/weight order; a state is a partial selection (weight, profit), and
 * a state another beats on both counts is dropped, since whatever completes it completes the other as well. A
 * state whose LP bound over the items still to come does not beat the best state by more than {@code allowance}
 * is dropped too, and its bound enters the proof. A depth-first branch and bound, which this replaced, met the
 * same partial selections again and again on cores of a few hundred units with real-valued costs (the demo's
 * prices in cents): it could not prove a 5-depot, 200-part model in 10 s; the states prove it in milliseconds.
 *
 * <p>What is proven is tracked exactly: the optimum is at most the largest of the dropped states' bounds, the
 * bounds of the states still open when the deadline passed, and the best state found.
 */
final class Knapsack {
    /**
     * States kept at once (20 bytes each in two lists, plus 8 bytes per selection link, up to 8 links a state):
     * about 100 MB for one search at most, with one search per core. Beyond it the search stops, and what it had
     * proven so far (the open states' bounds) is answered.
     */
    static final int MAXIMUM_STATES = 1_000_000;
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
    private final Selections selections = new Selections();
    private StateList states = new StateList(16);
    private StateList next = new StateList(16);
    private double bestProfit;
    private int bestLink = Selections.NONE;
    private boolean found;
    private double provenBound = Double.NEGATIVE_INFINITY;
    private boolean aborted;

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
    }

    /**
     * @param cutoff the profit of the incumbent: only selections above it are wanted
     * @param allowance absolute slack: states that could beat the best by at most this much are not pursued
     */
    static Result solve(double[] profit, double[] weight, double capacity, double cutoff, double allowance,
            long deadlineNanos, BooleanSupplier cancelled) {
        Knapsack knapsack = new Knapsack(profit, weight, capacity, allowance, deadlineNanos, cancelled);
        knapsack.bestProfit = cutoff;
        if (capacity >= 0.0) {
            knapsack.run();
        }
        boolean[] chosen = null;
        if (knapsack.found) {
            chosen = new boolean[profit.length];
            for (int link = knapsack.bestLink; link != Selections.NONE; link = knapsack.selections.previous(link)) {
                chosen[knapsack.order[knapsack.selections.item(link)]] = true;
            }
        }
        double upper = Math.max(knapsack.bestProfit, knapsack.provenBound);
        return new Result(chosen, knapsack.bestProfit, upper, !knapsack.aborted);
    }

    private static double ratio(double profit, double weight) {
        return weight > 0.0 ? profit / weight : Double.POSITIVE_INFINITY;
    }

    private void run() {
        states.add(0.0, 0.0, Selections.NONE);
        for (int item = 0; item < profit.length && states.size() > 0; item++) {
            if (stop()) {
                for (int state = 0; state < states.size(); state++) {
                    provenBound = Math.max(provenBound, bound(item, states.weight(state), states.profit(state)));
                }
                return;
            }
            merge(item);
            StateList swap = states;
            states = next;
            next = swap;
        }
    }

    /**
     * The states after deciding {@code item}: the old states without it and with it, merged by weight, keeping only
     * those that gain profit over every lighter one and whose bound over the items after it beats the best.
     */
    private void merge(int item) {
        next.clear();
        int without = 0;
        int with = 0;
        double lastProfit = Double.NEGATIVE_INFINITY;
        int size = states.size();
        while (without < size || with < size) {
            double takenWeight = with < size ? states.weight(with) + weight[item] : Double.POSITIVE_INFINITY;
            boolean take = takenWeight <= capacity
                    && (without >= size || takenWeight < states.weight(without));
            double stateWeight = take ? takenWeight : without < size ? states.weight(without) : takenWeight;
            if (stateWeight > capacity) {
                break;
            }
            double stateProfit = take ? states.profit(with) + profit[item] : states.profit(without);
            int link = take ? selections.add(item, states.link(with)) : states.link(without);
            if (take) {
                with++;
            } else {
                without++;
            }
            if (stateProfit <= lastProfit) {
                continue;
            }
            lastProfit = stateProfit;
            keepOrPrune(item + 1, stateWeight, stateProfit, link);
        }
    }

    private void keepOrPrune(int nextItem, double stateWeight, double stateProfit, int link) {
        if (stateProfit > bestProfit) {
            bestProfit = stateProfit;
            bestLink = link;
            found = true;
        }
        double bound = bound(nextItem, stateWeight, stateProfit);
        if (bound <= bestProfit + allowance + 1e-9 * grain) {
            provenBound = Math.max(provenBound, bound);
            return;
        }
        next.add(stateWeight, stateProfit, link);
    }

    private double bound(int nextItem, double stateWeight, double stateProfit) {
        return onGrain(stateProfit + lpBound(nextItem, capacity - stateWeight));
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
        boolean tooMany = states.size() > MAXIMUM_STATES / 2 || selections.size() > 8 * MAXIMUM_STATES;
        if (tooMany || System.nanoTime() - deadlineNanos > 0 || cancelled.getAsBoolean()
                || Thread.currentThread().isInterrupted()) {
            aborted = true;
        }
        return aborted;
    }

    /** States in rising weight (and so rising profit), struct-of-arrays. */
    private static final class StateList {
        private double[] weights;
        private double[] profits;
        private int[] links;
        private int size;

        StateList(int capacity) {
            weights = new double[capacity];
            profits = new double[capacity];
            links = new int[capacity];
        }

        void add(double weight, double profit, int link) {
            if (size == weights.length) {
                weights = Arrays.copyOf(weights, 2 * size);
                profits = Arrays.copyOf(profits, 2 * size);
                links = Arrays.copyOf(links, 2 * size);
            }
            weights[size] = weight;
            profits[size] = profit;
            links[size++] = link;
        }

        void clear() {
            size = 0;
        }

        int size() {
            return size;
        }

        double weight(int state) {
            return weights[state];
        }

        double profit(int state) {
            return profits[state];
        }

        int link(int state) {
            return links[state];
        }
    }

    /** The items each state took, as shared linked lists (a state's link: its last item and the link before it). */
    private static final class Selections {
        static final int NONE = -1;
        private int[] items = new int[1024];
        private int[] previous = new int[1024];
        private int size;

        int add(int item, int before) {
            if (size == items.length) {
                items = Arrays.copyOf(items, 2 * size);
                previous = Arrays.copyOf(previous, 2 * size);
            }
            items[size] = item;
            previous[size] = before;
            return size++;
        }

        int size() {
            return size;
        }

        int item(int link) {
            return items[link];
        }

        int previous(int link) {
            return previous[link];
        }
    }
}
