package org.spares.support;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.spares.app.SparesApplication;

/**
 * The real application on a clock the test moves by hand (one such app at a time per JVM), and on a rate-limit
 * time source the test moves too, so a test waits for tokens by moving it, not by sleeping. The two are apart
 * because tests set {@link #CLOCK} back in time, which a monotonic source never does.
 */
public class ClockedSparesApplication extends SparesApplication {
    public static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-01-05T08:00:00Z"));
    public static final AtomicLong NANO_TIME = new AtomicLong();

    @Override
    protected Clock clock() {
        return CLOCK;
    }

    @Override
    protected LongSupplier nanoTime() {
        return NANO_TIME::get;
    }
}
