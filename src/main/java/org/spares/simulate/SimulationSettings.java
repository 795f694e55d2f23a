package org.spares.simulate;

/**
 * How much to simulate: {@code replications} independent runs of {@code days} measured days each (after a warm-up
 * of one lead time), random streams derived from {@code seed}, intervals at {@code confidence} (0.95: 95 %).
 */
public record SimulationSettings(int replications, int days, long seed, double confidence) {

    public SimulationSettings {
        if (replications < 1) {
            throw new IllegalArgumentException("replications must be >= 1: " + replications);
        }
        if (days < 1) {
            throw new IllegalArgumentException("days must be >= 1: " + days);
        }
        if (!(confidence > 0.0 && confidence < 1.0)) {
            throw new IllegalArgumentException("confidence must be in (0, 1): " + confidence);
        }
    }
}
