package org.spares.simulate;

import java.util.Map;
import org.spares.domain.DomainException;
import org.spares.domain.ErrorCode;

/**
 * The defaults and limits of a simulation asked for over HTTP, refused with 422 VALIDATION_FAILED naming the field.
 * The work limit counts the events a run draws (replications x occurrences a day x (days + lead time)): at the
 * benchmark's pace (BENCHMARKS.md, 36-65 ns an event) 500 million of them take 18 s on two free cores and 30 s on
 * one, about what a solve may take (optimizerTimeLimit, 20 s), so a simulation holds the optimizer's slot no longer.
 */
public final class SimulationBounds {
    public static final int DEFAULT_REPLICATIONS = 200;
    public static final int DEFAULT_DAYS = 365;
    public static final long DEFAULT_SEED = 1L;
    public static final double DEFAULT_CONFIDENCE = 0.95;
    public static final int MAXIMUM_REPLICATIONS = 10_000;
    public static final int MAXIMUM_DAYS = 3_650;
    public static final double MAXIMUM_EVENTS = 500_000_000.0;

    private SimulationBounds() {
    }

    /** Fills in the defaults and checks the ranges: replications 2..10,000, days 1..3,650, 0 < confidence < 1. */
    public static SimulationSettings settings(Integer replications, Integer days, Long seed, Double confidence) {
        int replicationCount = replications == null ? DEFAULT_REPLICATIONS : replications;
        if (replicationCount < 2 || replicationCount > MAXIMUM_REPLICATIONS) {
            throw invalid("replications", "must be between 2 and " + MAXIMUM_REPLICATIONS
                    + " (two at least: an interval needs a spread)");
        }
        int dayCount = days == null ? DEFAULT_DAYS : days;
        if (dayCount < 1 || dayCount > MAXIMUM_DAYS) {
            throw invalid("days", "must be between 1 and " + MAXIMUM_DAYS);
        }
        double level = confidence == null ? DEFAULT_CONFIDENCE : confidence;
        if (!(level > 0.0 && level < 1.0)) {
            throw invalid("confidence", "must be strictly between 0 and 1");
        }
        return new SimulationSettings(replicationCount, dayCount, seed == null ? DEFAULT_SEED : seed, level);
    }

    /** Refuses a run that would draw more than {@link #MAXIMUM_EVENTS} events, naming replications. */
    public static void checkWork(SimInput input, SimulationSettings settings) {
        double events = input.expectedEvents(settings.replications(), settings.days());
        if (events > MAXIMUM_EVENTS) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, 422, String.format(
                    "replications: the simulation would draw about %.3g demand events (replications x occurrences "
                            + "a day x (days + lead time)); the limit is %.3g: ask fewer replications or days",
                    events, MAXIMUM_EVENTS),
                    Map.of("field", "replications", "limit", MAXIMUM_EVENTS, "estimate", Math.round(events)));
        }
    }

    private static DomainException invalid(String field, String message) {
        return new DomainException(ErrorCode.VALIDATION_FAILED, 422, field + ": " + message, Map.of("field", field));
    }
}
