package org.spares.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.jdbi.v3.core.Handle;
import org.spares.db.AuditDao;
import org.spares.db.RepairOrderDao;
import org.spares.domain.Actor;
import org.spares.domain.RepairOrder;
import org.spares.domain.RepairOrderStatus;
import org.spares.domain.Transition;

/**
 * The bookkeeping of how long a repair order waits for parts. It counts the order's backordered reservations;
 * the wait clock runs while the count is above zero, so overlapping backorders are counted once, and the status
 * is AWAITING_PARTS exactly then. Callers hold the reservation's position lock; this takes the order's lock
 * after it (lock order: part, position, repair order).
 */
public final class PartsWait {
    static final String ENTITY = "REPAIR_ORDER";

    private final Clock clock;

    public PartsWait(Clock clock) {
        this.clock = clock;
    }

    /** One more of the order's reservations is backordered. */
    public void backorderAdded(Handle handle, Actor actor, long repairOrderId) {
        RepairOrder order = lock(handle, repairOrderId);
        Instant now = clock.instant();
        Instant since = order.backorderedCount() == 0 ? now : order.awaitingSince();
        RepairOrderStatus status = order.status() == RepairOrderStatus.OPEN ? RepairOrderStatus.AWAITING_PARTS
                : order.status();
        write(handle, actor, order, status, order.backorderedCount() + 1, since, order.partsWaitMicros());
    }

    /** One of the order's backordered reservations stopped waiting (filled or released). */
    public void backorderLeft(Handle handle, Actor actor, long repairOrderId) {
        RepairOrder order = lock(handle, repairOrderId);
        int count = order.backorderedCount() - 1;
        if (count > 0) {
            write(handle, actor, order, order.status(), count, order.awaitingSince(), order.partsWaitMicros());
            return;
        }
        RepairOrderStatus status = order.status() == RepairOrderStatus.AWAITING_PARTS ? RepairOrderStatus.OPEN
                : order.status();
        write(handle, actor, order, status, 0, null, closedWait(order));
    }

    /** The order's wait with its open period closed now. */
    public long closedWait(RepairOrder order) {
        if (order.awaitingSince() == null) {
            return order.partsWaitMicros();
        }
        long open = Duration.between(order.awaitingSince(), clock.instant()).toNanos() / 1000;
        return order.partsWaitMicros() + Math.max(0, open);
    }

    private static RepairOrder lock(Handle handle, long repairOrderId) {
        return handle.attach(RepairOrderDao.class).lock(repairOrderId)
                .orElseThrow(() -> new IllegalStateException("repair order " + repairOrderId + " vanished"));
    }

    private void write(Handle handle, Actor actor, RepairOrder order, RepairOrderStatus status, int count,
            Instant since, long waitMicros) {
        // Checked before the write: the bookkeeping is written whole, status included.
        Transition<RepairOrderStatus> move = status == order.status() ? null : Transition.of(order.status(), status);
        handle.attach(RepairOrderDao.class).updateWait(order.id(), status, count, since, waitMicros);
        if (move != null) {
            AuditDao.stateChange(handle, ENTITY, order.id(), move.from(), move.to(), clock.instant(), actor.userId(),
                    actor.name(), actor.requestId(), null);
        }
    }
}
