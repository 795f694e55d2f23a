package org.spares.simulate;

/**
 * The state of one position under base stock S, driven by demand occurrences. The state is the net stock
 * {@code on hand - backorders = S - on order}: an occurrence of k units finds stock when net >= 1 and lowers net by
 * k (what is on hand is issued, the rest is backordered), and the k units ordered at that moment arrive a lead time
 * later and raise it by k again; arrivals fill the oldest backorders first, which does not change the counts
 * measured here. Only two kinds of event exist (an occurrence and the arrival of its order), so the work is
 * O(occurrences). Only time from 0 on is measured; events before 0 are the warm-up. One instance per thread,
 * reset for each position.
 */
final class BaseStockPosition {
    private final OutstandingOrders orders = new OutstandingOrders();
    private long net;
    private double clock;
    private double lead;
    private double backorderArea;
    private long filled;
    private long occurrences;
    private long unitsDemanded;

    /** Full stock, nothing on order, at {@code start} (0 or the warm-up's -L). */
    void reset(int stockLevel, double leadTimeDays, double start) {
        orders.clear();
        net = stockLevel;
        lead = leadTimeDays;
        clock = start;
        backorderArea = 0.0;
        filled = 0;
        occurrences = 0;
        unitsDemanded = 0;
    }

    /** An occurrence of {@code size} units at {@code time}, no earlier than the previous event. */
    void occur(double time, int size) {
        arriveUntil(time);
        advance(time);
        if (time >= 0.0) {
            occurrences++;
            unitsDemanded += size;
            if (net >= 1) {
                filled++;
            }
        }
        net -= size;
        orders.add(time + lead, size);
    }

    /** Brings in the orders due by {@code end} and closes the measurement there. */
    void finish(double end) {
        arriveUntil(end);
        advance(end);
    }

    /** The integral of units backordered from 0 to the end. */
    double backorderArea() {
        return backorderArea;
    }

    /** Measured occurrences that found at least one unit on hand. */
    long filled() {
        return filled;
    }

    long occurrences() {
        return occurrences;
    }

    long unitsDemanded() {
        return unitsDemanded;
    }

    private void arriveUntil(double time) {
        while (!orders.isEmpty() && orders.firstArrival() <= time) {
            advance(orders.firstArrival());
            net += orders.firstSize();
            orders.removeFirst();
        }
    }

    /** Moves the clock, adding the backorders held meanwhile; only time after 0 is measured. */
    private void advance(double time) {
        if (net < 0 && time > 0.0) {
            backorderArea += (double) -net * (time - Math.max(clock, 0.0));
        }
        clock = time;
    }
}
