package org.spares.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import org.spares.domain.Actor;
import org.spares.domain.Caller;
import org.spares.service.Services;

/**
 * What the parts of a demo replay share: the services on the simulated clock, the acting admin, the random
 * source, and the queue of future events. Events run in time order (ties in the order they were scheduled), and
 * the clock is set to each event's time before it runs; events at or after the end of the history are dropped.
 */
final class DemoWorld {
    private record Event(Instant at, long sequence, Runnable action) {
    }

    final Services services;
    final SimulatedClock clock;
    final SplittableRandom random;
    final Caller caller;
    final Actor actor;
    final DemoCounts counts = new DemoCounts();
    private final Instant start;
    private final Instant end;
    private final PriorityQueue<Event> events = new PriorityQueue<>(
            Comparator.comparing(Event::at).thenComparingLong(Event::sequence));
    private long sequence;

    DemoWorld(Services services, SimulatedClock clock, SplittableRandom random, Caller caller, Instant start,
            Instant end) {
        this.services = services;
        this.clock = clock;
        this.random = random;
        this.caller = caller;
        this.actor = new Actor(caller.id(), caller.name(), caller.name());
        this.start = start;
        this.end = end;
    }

    /** How far the history has got: 0 at its start, 1 at its end. */
    double elapsed() {
        return (double) Duration.between(start, now()).toSeconds() / Duration.between(start, end).toSeconds();
    }

    Instant now() {
        return clock.instant();
    }

    void at(Instant when, Runnable action) {
        if (when.isBefore(end)) {
            events.add(new Event(when, sequence++, action));
        }
    }

    void after(Duration delay, Runnable action) {
        at(now().plus(delay), action);
    }

    /** Runs every queued event before {@code limit}, including those the events themselves schedule. */
    void runUntil(Instant limit) {
        while (!events.isEmpty() && events.peek().at().isBefore(limit)) {
            Event event = events.poll();
            clock.set(event.at());
            event.action().run();
        }
    }

    /** A random duration between {@code minHours} and {@code maxHours}, in whole seconds. */
    Duration hours(double minHours, double maxHours) {
        return Duration.ofSeconds((long) (3600 * (minHours + (maxHours - minHours) * random.nextDouble())));
    }

    /** A Poisson draw (Knuth's method; the means here are small). */
    int poisson(double mean) {
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        int count = 0;
        while (product > limit) {
            product *= random.nextDouble();
            count++;
        }
        return count;
    }
}
