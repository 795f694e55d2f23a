package org.spares.simulate;

/**
 * One position's actual demand, replayed against base stock {@code stockLevel}: occurrence {@code i} took
 * {@code eventSizes[i]} units on day {@code eventDays[i]} (days as fractions from the window's start, sorted).
 */
public record ReplayPosition(int depotIndex, double leadTimeDays, int stockLevel, double[] eventDays,
        int[] eventSizes) {

    public ReplayPosition {
        if (depotIndex < 0) {
            throw new IllegalArgumentException("depotIndex must be >= 0: " + depotIndex);
        }
        if (!(leadTimeDays > 0.0) || Double.isInfinite(leadTimeDays)) {
            throw new IllegalArgumentException("leadTimeDays must be finite and > 0: " + leadTimeDays);
        }
        if (stockLevel < 0) {
            throw new IllegalArgumentException("stockLevel must be >= 0: " + stockLevel);
        }
        if (eventDays.length != eventSizes.length) {
            throw new IllegalArgumentException("eventDays and eventSizes differ in length");
        }
        eventDays = eventDays.clone();
        eventSizes = eventSizes.clone();
        for (int index = 0; index < eventDays.length; index++) {
            if (!(eventDays[index] >= 0.0) || index > 0 && eventDays[index] < eventDays[index - 1]) {
                throw new IllegalArgumentException("eventDays must be >= 0 and sorted; index " + index);
            }
            if (eventSizes[index] < 1) {
                throw new IllegalArgumentException("eventSizes must be >= 1; index " + index);
            }
        }
    }

    /** Copies, so that the record stays a value. */
    @Override
    public double[] eventDays() {
        return eventDays.clone();
    }

    @Override
    public int[] eventSizes() {
        return eventSizes.clone();
    }

    long unitsDemanded() {
        long sum = 0;
        for (int size : eventSizes) {
            sum += size;
        }
        return sum;
    }

    double day(int index) {
        return eventDays[index];
    }

    int size(int index) {
        return eventSizes[index];
    }

    int eventCount() {
        return eventDays.length;
    }
}
