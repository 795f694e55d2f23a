package org.spares.domain;






/** A repair order's priority; a higher rank is filled first when stock arrives for waiting backorders. */
public enum Priority {
    LOW(1),
    NORMAL(2),
    HIGH(3),
    CRITICAL(4);

    private final int rank;

    Priority(int rank) {
        this.rank = rank;
    }

    public int rank() {
        return rank;
    }
}
