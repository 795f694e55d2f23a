package org.spares.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicReference;

/** A clock the tests move by hand; thread-safe, microsecond precision like the databases. */
public final class MutableClock extends Clock {
    private final AtomicReference<Instant> now;
    private volatile Duration tick = Duration.ZERO;

    public MutableClock(Instant start) {
        this.now = new AtomicReference<>(start.truncatedTo(ChronoUnit.MICROS));
    }

    public void advance(Duration duration) {
        now.updateAndGet(instant -> instant.plus(duration).truncatedTo(ChronoUnit.MICROS));
    }

    /**
     * Every read from now on moves the clock on by {@code step} after answering (zero: never), as a real clock moves
     * between two reads in one unit of work.
     */
    public void tickOnEveryRead(Duration step) {
        tick = step;
    }

    public void set(Instant instant) {
        now.set(instant.truncatedTo(ChronoUnit.MICROS));
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        Duration step = tick;
        return step.isZero() ? now.get() : now.getAndUpdate(instant -> instant.plus(step));
    }
}
