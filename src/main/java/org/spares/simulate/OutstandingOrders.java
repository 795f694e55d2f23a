package org.spares.simulate;

/**
 * The orders of one position still on their way, oldest first. The lead time is constant, so orders arrive in the
 * order they were placed and a ring buffer is the whole queue: no allocation per event, growth by doubling only
 * when a pipeline is longer than any before it. One instance per thread, reused from position to position.
 */
final class OutstandingOrders {
    private double[] arrivals = new double[64];
    private int[] sizes = new int[64];
    private int head;
    private int count;

    void clear() {
        head = 0;
        count = 0;
    }

    boolean isEmpty() {
        return count == 0;
    }

    double firstArrival() {
        return arrivals[head];
    }

    int firstSize() {
        return sizes[head];
    }

    void removeFirst() {
        head = (head + 1) & (arrivals.length - 1);
        count--;
    }

    void add(double arrival, int size) {
        if (count == arrivals.length) {
            grow();
        }
        int tail = (head + count) & (arrivals.length - 1);
        arrivals[tail] = arrival;
        sizes[tail] = size;
        count++;
    }

    /** Doubles the capacity (kept a power of two for the index mask), unrolling the ring to start at 0. */
    private void grow() {
        double[] newArrivals = new double[arrivals.length * 2];
        int[] newSizes = new int[sizes.length * 2];
        for (int index = 0; index < count; index++) {
            int from = (head + index) & (arrivals.length - 1);
            newArrivals[index] = arrivals[from];
            newSizes[index] = sizes[from];
        }
        arrivals = newArrivals;
        sizes = newSizes;
        head = 0;
    }
}
