package org.spares.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.spares.demo.DemoCatalogue.DepotSpec;
import org.spares.demo.DemoCatalogue.PartSpec;
import org.spares.domain.DomainException;
import org.spares.domain.ErrorCode;
import org.spares.domain.Priority;
import org.spares.domain.Reservation;
import org.spares.domain.ReservationStatus;
import org.spares.jobs.ReservationExpiryJob;
import org.spares.service.Idempotency;

/**
 * The repair side of a demo, as technicians would use the API: open an order and reserve its parts (backorders
 * allowed for most; the rest try first and backorder only after a 409), issue what is held a few hours later,
 * complete after the repair, now and then release a part that was not needed, forget one until it expires, or
 * cancel an order. Orders waiting for parts are looked at every morning.
 */
final class DemoRepairs {
    private record Line(PartSpec part, int quantity) {
    }

    private static final Priority[] PRIORITIES = {Priority.LOW, Priority.NORMAL, Priority.HIGH, Priority.CRITICAL};
    private static final double[] PRIORITY_SHARES = {0.15, 0.55, 0.22, 0.08};

    private final DemoWorld world;
    private final DemoCatalogue catalogue;
    private final DemoStock stock;
    private final ReservationExpiryJob expiry;
    private final double[] cumulativeShare;
    /** Orders waiting for parts (or for a forgotten reservation to expire), with when they were opened. */
    private final Map<Long, Instant> waiting = new TreeMap<>();
    /** Held reservations a technician forgot (left to expire), by their order. */
    private final Map<Long, Long> forgottenBy = new HashMap<>();

    DemoRepairs(DemoWorld world, DemoCatalogue catalogue, DemoStock stock, ReservationExpiryJob expiry) {
        this.world = world;
        this.catalogue = catalogue;
        this.stock = stock;
        this.expiry = expiry;
        this.cumulativeShare = new double[catalogue.parts().size()];
        double sum = 0.0;
        for (int index = 0; index < cumulativeShare.length; index++) {
            sum += catalogue.parts().get(index).share();
            cumulativeShare[index] = sum;
        }
    }

    /** Schedules the day's new repair orders at every depot, between 08:00 and 18:00. */
    void scheduleDay(Instant dayStart, boolean weekend) {
        for (DepotSpec depot : catalogue.depots()) {
            int orders = world.poisson(depot.ordersPerWeekday() * (weekend ? DemoCatalogue.WEEKEND_FACTOR : 1.0));
            for (int index = 0; index < orders; index++) {
                Instant at = dayStart.plus(Duration.ofHours(8)).plusSeconds(world.random.nextInt(36_000));
                world.at(at, () -> open(depot));
            }
        }
    }

    /**
     * Every morning: expire what was held too long, then look at the waiting orders that hold parts now (filled
     * backorders) or had one forgotten; the others still wait for parts and are left alone.
     */
    void morning() {
        expiry.expireOverdue();
        Set<Long> holding = world.services.reservations().ordersHolding();
        for (Map.Entry<Long, Instant> order : new ArrayList<>(waiting.entrySet())) {
            long orderId = order.getKey();
            boolean longWait = Duration.between(order.getValue(), world.now()).toDays() > 21;
            if (longWait && world.random.nextDouble() < 0.05) {
                cancel(orderId);
            } else if (holding.contains(orderId) || forgottenBy.containsKey(orderId)) {
                settle(orderId, order.getValue(), issueHeld(orderId, false));
            }
        }
    }

    private void open(DepotSpec depot) {
        Priority priority = priority();
        List<Line> lines = world.random.nextDouble() < DemoCatalogue.NEEDS_PARTS ? lines() : List.of();
        boolean allowBackorder = world.random.nextDouble() < 0.9;
        String assetTag = String.format("%s-%05d", depot.code(), world.random.nextInt(100_000));
        List<Line> backordered = new ArrayList<>();
        long orderId = world.services.repairOrders().open(world.actor, world.caller, depot.code(), assetTag,
                "demo repair of " + assetTag, priority, null, Idempotency.none()).order().id();
        for (Line line : allowBackorder ? lines : List.<Line>of()) {
            if (reserve(orderId, line, true)) {
                backordered.add(line);
            }
        }
        world.counts.repairOrders++;
        world.counts.reservations += allowBackorder ? lines.size() : 0;
        world.counts.backorders += backordered.size();
        for (Line line : allowBackorder ? List.<Line>of() : lines) {
            if (reserveOrBackorder(orderId, line)) {
                backordered.add(line);
            }
        }
        boolean urgent = priority == Priority.HIGH || priority == Priority.CRITICAL || !allowBackorder;
        for (Line line : urgent ? backordered : List.<Line>of()) {
            stock.expedite(depot.code(), line.part().sku(), line.quantity());
        }
        Instant opened = world.now();
        world.after(world.hours(0.5, 3), () -> work(orderId, opened));
    }

    /** True when the reservation was backordered. */
    private boolean reserve(long orderId, Line line, boolean allowBackorder) {
        return world.services.reservations().reserve(world.actor, world.caller, orderId, line.part().sku(),
                line.quantity(), allowBackorder, Idempotency.none()).status() == ReservationStatus.BACKORDERED;
    }

    /**
     * A technician who does not allow backorders at first, one request each: on 409 INSUFFICIENT_STOCK, asks
     * again with a backorder. True when the part ended up backordered.
     */
    private boolean reserveOrBackorder(long orderId, Line line) {
        world.counts.reservations++;
        try {
            return reserve(orderId, line, false);
        } catch (DomainException refused) {
            if (refused.code() != ErrorCode.INSUFFICIENT_STOCK) {
                throw refused;
            }
            world.counts.backorders++;
            return reserve(orderId, line, true);
        }
    }

    /** A few hours after opening: the technician takes the held parts (or cancels the order). */
    private void work(long orderId, Instant opened) {
        if (world.random.nextDouble() < 0.02) {
            cancel(orderId);
            return;
        }
        settle(orderId, opened, issueHeld(orderId, true));
    }

    /** Issues (or now and then releases or forgets) what the order holds; true while it still holds or awaits. */
    private boolean issueHeld(long orderId, boolean firstLook) {
        // Issuing or releasing one reservation never ends another of the order (a release may fill the order's own
        // backorder, which stays active as HELD), so what is left active is known without reading again.
        boolean stillActive = false;
        for (Reservation reservation : world.services.repairOrders().get(world.caller, orderId).reservations()) {
            if (reservation.status() != ReservationStatus.HELD
                    || Long.valueOf(reservation.id()).equals(forgottenBy.get(orderId))) {
                stillActive |= reservation.status().active();
                continue;
            }
            double draw = world.random.nextDouble();
            if (firstLook && draw < 0.03) {
                world.services.reservations().release(world.actor, world.caller, reservation.id(),
                        Idempotency.none());
            } else if (firstLook && draw < 0.04 && !forgottenBy.containsKey(orderId)) {
                forgottenBy.put(orderId, reservation.id());
                stillActive = true;
            } else {
                world.services.reservations().issue(world.actor, world.caller, reservation.id(), Idempotency.none());
                world.counts.issues++;
            }
        }
        return stillActive;
    }

    /** Completes the order after the repair when nothing is held or awaited any more; else it keeps waiting. */
    private void settle(long orderId, Instant opened, boolean active) {
        if (active) {
            waiting.put(orderId, opened);
            return;
        }
        waiting.remove(orderId);
        forgottenBy.remove(orderId);
        world.after(world.hours(1, 12), () -> {
            world.services.repairOrders().complete(world.actor, world.caller, orderId, Idempotency.none());
            world.counts.completedOrders++;
        });
    }

    private void cancel(long orderId) {
        world.services.repairOrders().cancel(world.actor, world.caller, orderId, Idempotency.none());
        waiting.remove(orderId);
        forgottenBy.remove(orderId);
        world.counts.cancelledOrders++;
    }

    private Priority priority() {
        double draw = world.random.nextDouble();
        for (int index = 0; index < PRIORITIES.length - 1; index++) {
            draw -= PRIORITY_SHARES[index];
            if (draw < 0) {
                return PRIORITIES[index];
            }
        }
        return PRIORITIES[PRIORITIES.length - 1];
    }

    /** One to three distinct parts, by popularity (parts going obsolete less and less). */
    private List<Line> lines() {
        double draw = world.random.nextDouble();
        int count = Math.min(draw < 0.6 ? 1 : draw < 0.9 ? 2 : 3, catalogue.parts().size());
        List<Line> lines = new ArrayList<>();
        Set<String> chosen = new HashSet<>();
        double elapsed = world.elapsed();
        // Bounded: when every part has faded away (a catalogue of one obsolete part) the order needs none.
        for (int tries = 0; lines.size() < count && tries < 100 * count; tries++) {
            PartSpec part = popularPart();
            // A part going obsolete is asked for less and less; the order then needs some other part instead.
            if (world.random.nextDouble() < part.pattern().activity(elapsed) && chosen.add(part.sku())) {
                lines.add(new Line(part, part.quantity(world.random)));
            }
        }
        return lines;
    }

    private PartSpec popularPart() {
        double draw = world.random.nextDouble() * cumulativeShare[cumulativeShare.length - 1];
        int index = Arrays.binarySearch(cumulativeShare, draw);
        int chosen = index >= 0 ? index : Math.min(-index - 1, cumulativeShare.length - 1);
        return catalogue.parts().get(chosen);
    }
}
