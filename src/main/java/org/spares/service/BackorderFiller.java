package org.spares.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.jdbi.v3.core.Handle;
import org.spares.db.AuditDao;
import org.spares.db.PositionDao;
import org.spares.db.ReservationDao;
import org.spares.domain.Actor;
import org.spares.domain.ReservationStatus;
import org.spares.domain.Transition;

/**
 * Fills waiting backorders whenever a position's available units go up, in the same transaction as the arrival:
 * whole backorders only, highest priority first and then oldest, skipping any that does not fit, so that after
 * it runs no backorder waits while the position could fill it (invariant 8). The caller holds the position lock.
 */
public final class BackorderFiller implements StockArrivals {
    static final String ENTITY = "RESERVATION";
    private static final Transition<ReservationStatus> FILL =
            Transition.of(ReservationStatus.BACKORDERED, ReservationStatus.HELD);

    private final PartsWait partsWait;
    private final Clock clock;
    private final Duration holdTime;
    private final BusinessMetrics metrics;

    public BackorderFiller(PartsWait partsWait, Clock clock, Duration holdTime, BusinessMetrics metrics) {
        this.partsWait = partsWait;
        this.clock = clock;
        this.holdTime = holdTime;
        this.metrics = metrics;
    }

    @Override
    public void arrived(Handle handle, long positionId, Actor actor) {
        PositionDao positions = handle.attach(PositionDao.class);
        ReservationDao reservations = handle.attach(ReservationDao.class);
        int available = positions.row(positionId).available();
        if (available <= 0) {
            return;
        }
        for (ReservationDao.Row waiting : reservations.waiting(positionId)) {
            if (waiting.quantity() > available) {
                continue;
            }
            Instant now = clock.instant();
            if (PositionDao.reserve(handle, positionId, waiting.quantity()) != 1
                    || positions.addBackordered(positionId, -waiting.quantity()) != 1
                    || reservations.fill(waiting.id(), FILL, now, now.plus(holdTime)) != 1) {
                throw new IllegalStateException("backorder " + waiting.id() + " could not be filled");
            }
            AuditDao.stateChange(handle, ENTITY, waiting.id(), FILL.from(), FILL.to(), now, actor.userId(),
                    actor.name(), actor.requestId(), "filled on arrival");
            metrics.filled(handle);
            partsWait.backorderLeft(handle, actor, waiting.repairOrderId());
            available -= waiting.quantity();
            if (available <= 0) {
                return;
            }
        }
    }
}
