package org.spares.forecast;

/** Demand of {@code quantity} units on day {@code day} of a history, day 0 being the oldest. */
public record DemandEvent(int day, int quantity) {
}
