package org.spares.support;

import java.time.Clock;
import java.time.Instant;
import org.spares.app.SparesApplication;

/** The real application on a clock the test moves by hand (one such app at a time per JVM). */
public class ClockedSparesApplication extends SparesApplication {
    public static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-01-05T08:00:00Z"));

    @Override
    protected Clock clock() {
        return CLOCK;
    }
}
