package org.spares.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.spares.db.AuditDao;
import org.spares.db.PositionDao;
import org.spares.db.RepairOrderDao;
import org.spares.db.ReservationDao;
import org.spares.domain.Actor;
import org.spares.domain.Caller;
import org.spares.domain.DomainException;
import org.spares.domain.ErrorCode;
import org.spares.domain.ListOrder;
import org.spares.domain.MovementType;
import org.spares.domain.Reservation;
import org.spares.domain.ReservationStatus;
import org.spares.domain.Transition;

/**
 * Reservations: all or nothing, or backordered; issue (one ISSUE ledger row, ever), release, expiry. Lock order:
 * part (only when a ledger row is written), position, repair order; the position lock serialises every change of
 * the reservations on it.
 */
public final class ReservationService {
    /** Which reservations a list shows; null fields do not filter. */
    public record Filter(String depot, ReservationStatus status, Long repairOrderId, String sku) {
    }

    private static final Transition<ReservationStatus> EXPIRE =
            Transition.of(ReservationStatus.HELD, ReservationStatus.EXPIRED);

    private final Transactions transactions;
    private final StockLedger ledger;
    private final StockArrivals arrivals;
    private final PartsWait partsWait;
    private final Clock clock;
    private final Duration holdTime;
    private final BusinessMetrics metrics;

    public ReservationService(Transactions transactions, StockLedger ledger, StockArrivals arrivals,
            PartsWait partsWait, Clock clock, Duration holdTime, BusinessMetrics metrics) {
        this.transactions = transactions;
        this.ledger = ledger;
        this.arrivals = arrivals;
        this.partsWait = partsWait;
        this.clock = clock;
        this.holdTime = holdTime;
        this.metrics = metrics;
    }

    /**
     * All or nothing: HELD; with too little available, 409 INSUFFICIENT_STOCK or, with {@code allowBackorder},
     * BACKORDERED. 409 ILLEGAL_STATE for a closed order; 404 for an order outside the caller's depots.
     */
    public Reservation reserve(Actor actor, Caller caller, long repairOrderId, String sku, int quantity,
            boolean allowBackorder, Idempotency<Reservation> once) {
        return transactions.inTransaction(once, handle -> reserve(handle, actor, caller, repairOrderId, sku, quantity,
                allowBackorder));
    }

    /** HELD to ISSUED: the units leave the shelf, with one ISSUE ledger row tied to this reservation. */
    public Reservation issue(Actor actor, Caller caller, long id, Idempotency<Reservation> once) {
        return transactions.inTransaction(once, handle -> issue(handle, actor, caller, id));
    }

    /** HELD or BACKORDERED to RELEASED; released units fill waiting backorders at once. */
    public Reservation release(Actor actor, Caller caller, long id, Idempotency<Reservation> once) {
        return transactions.inTransaction(once, handle -> release(handle, actor, caller, id));
    }

    /** HELD past its hold time to EXPIRED (by the expiry job); false when it is no longer HELD. */
    public boolean expire(Actor actor, long id) {
        return transactions.inTransaction(handle -> expire(handle, actor, id));
    }

    /** Up to {@code limit} HELD reservations whose hold has ended, oldest first, for the expiry job. */
    public List<Long> overdue(int limit) {
        return transactions.read(handle -> handle.attach(ReservationDao.class).overdue(clock.instant(), limit));
    }

    /** The repair orders holding at least one HELD reservation (the demo's morning round). */
    public Set<Long> ordersHolding() {
        return transactions.read(handle -> handle.attach(ReservationDao.class).ordersHolding());
    }

    /** Reservations of the caller's depots in the given order, up to {@code limit} after its last row. */
    public List<Reservation> page(Caller caller, Filter filter, ListOrder order, int limit) {
        ListScope scope = ListScope.of(caller, filter.depot());
        ReservationDao.Filter rows = new ReservationDao.Filter(filter.depot(),
                filter.status() == null ? null : filter.status().name(), filter.repairOrderId(), filter.sku());
        return transactions.read(handle -> handle.attach(ReservationDao.class).page(order, limit, rows,
                scope.allDepots(), scope.depots()));
    }

    /** One reservation; 404 when unknown or outside the caller's depots. */
    public Reservation get(Caller caller, long id) {
        return transactions.read(handle -> {
            visible(handle, caller, id);
            return get(handle, id);
        });
    }

    private Reservation reserve(Handle handle, Actor actor, Caller caller, long repairOrderId, String sku,
            int quantity, boolean allowBackorder) {
        // 404 for an unknown order or one of a depot outside the caller's scope (ids do not leak), then for the sku.
        RepairOrderDao.ReserveTarget target = RepairOrderDao.reserveTarget(handle, repairOrderId, sku)
                .filter(found -> caller.canSee(found.depot()))
                .orElseThrow(() -> DomainException.notFound("repair order", repairOrderId));
        caller.requireDepot(target.depot());
        if (target.partId() == null) {
            throw DomainException.notFound("part", sku);
        }
        long depotId = target.depotId();
        PositionDao.Row position = PositionDao.lock(handle, depotId, target.partId())
                .orElseGet(() -> StockLedger.lockPosition(handle, depotId, target.partId()));
        RepairOrderDao.LockedState locked = RepairOrderDao.lockState(handle, repairOrderId).orElseThrow();
        if (!locked.status().active()) {
            throw illegal("repair order " + repairOrderId + " is " + locked.status(), locked.status());
        }
        // Microseconds are what the database keeps, so the answer built here reads back exactly the same.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        int rank = locked.priority().rank();
        if (PositionDao.reserve(handle, position.id(), quantity) == 1) {
            Instant expiresAt = now.plus(holdTime);
            long id = ReservationDao.insert(handle, repairOrderId, depotId, target.partId(), position.id(), quantity,
                    ReservationStatus.HELD, rank, now, actor.userId(), now, expiresAt, null);
            audit(handle, actor, id, null, ReservationStatus.HELD);
            metrics.entered(handle, ReservationStatus.HELD);
            // Built from what this transaction just wrote, not read back: one round trip less under the locks.
            return new Reservation(id, repairOrderId, target.depot(), target.sku(), quantity, ReservationStatus.HELD,
                    rank, now, now, expiresAt, null, null, null, null);
        }
        if (!allowBackorder) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("available", position.available());
            details.put("requested", quantity);
            throw new DomainException(ErrorCode.INSUFFICIENT_STOCK, "only " + position.available() + " of " + sku
                    + " available at " + target.depot(), details);
        }
        StockLedger.requireBackorderRoom(position, quantity);
        handle.attach(PositionDao.class).addBackordered(position.id(), quantity);
        long id = ReservationDao.insert(handle, repairOrderId, depotId, target.partId(), position.id(), quantity,
                ReservationStatus.BACKORDERED, rank, now, actor.userId(), null, null, now);
        audit(handle, actor, id, null, ReservationStatus.BACKORDERED);
        metrics.entered(handle, ReservationStatus.BACKORDERED);
        partsWait.backorderAdded(handle, actor, repairOrderId);
        return get(handle, id);
    }

    private Reservation issue(Handle handle, Actor actor, Caller caller, long id) {
        ReservationDao.Row row = visible(handle, caller, id);
        StockLedger.lockPart(handle, row.partId());
        PositionDao.Row position = PositionDao.lock(handle, row.depotId(), row.partId()).orElseThrow();
        Reservation current = get(handle, id);
        // One instant, read after the part lock, for issuedAt, the audit row and the ISSUE row.
        Instant at = ledger.now();
        if (current.status() == ReservationStatus.HELD && !at.isBefore(current.expiresAt())) {
            throw illegal("reservation " + id + " expired at " + current.expiresAt(), ReservationStatus.EXPIRED);
        }
        move(handle, actor, row, ReservationStatus.HELD, ReservationStatus.ISSUED, "issued", at);
        if (handle.attach(PositionDao.class).takeReserved(position.id(), row.quantity()) != 1) {
            throw new IllegalStateException("reservation " + id + " was not reserved on its position");
        }
        ledger.record(handle, actor, at, new StockLedger.Entry(MovementType.ISSUE, row.depotId(), current.depot(),
                row.partId(), position.id(), -row.quantity(), position.onHand() - row.quantity(), null,
                "repair order " + row.repairOrderId(), null, null, id));
        return get(handle, id);
    }

    private Reservation release(Handle handle, Actor actor, Caller caller, long id) {
        ReservationDao.Row row = visible(handle, caller, id);
        PositionDao.Row position = PositionDao.lock(handle, row.depotId(), row.partId()).orElseThrow();
        ReservationStatus status = handle.attach(ReservationDao.class).row(id).orElseThrow().status();
        if (status == ReservationStatus.BACKORDERED) {
            move(handle, actor, row, status, ReservationStatus.RELEASED, "released", ledger.now());
            handle.attach(PositionDao.class).addBackordered(position.id(), -row.quantity());
            partsWait.backorderLeft(handle, actor, row.repairOrderId());
            return get(handle, id);
        }
        move(handle, actor, row, ReservationStatus.HELD, ReservationStatus.RELEASED, "released", ledger.now());
        unreserve(handle, actor, position.id(), row.quantity());
        return get(handle, id);
    }

    private boolean expire(Handle handle, Actor actor, long id) {
        ReservationDao.Row row = handle.attach(ReservationDao.class).row(id).orElseThrow();
        PositionDao.Row position = PositionDao.lock(handle, row.depotId(), row.partId()).orElseThrow();
        Instant at = ledger.now();
        if (handle.attach(ReservationDao.class).move(id, EXPIRE, "expired", at) != 1) {
            return false;
        }
        audit(handle, actor, id, ReservationStatus.HELD, ReservationStatus.EXPIRED, at);
        metrics.entered(handle, ReservationStatus.EXPIRED);
        unreserve(handle, actor, position.id(), row.quantity());
        return true;
    }

    /** Frees held units and lets waiting backorders take them. The caller holds the position lock. */
    void unreserve(Handle handle, Actor actor, long positionId, int quantity) {
        if (handle.attach(PositionDao.class).unreserve(positionId, quantity) != 1) {
            throw new IllegalStateException("position " + positionId + " had fewer reserved units than held");
        }
        arrivals.arrived(handle, positionId, actor);
    }

    static Reservation get(Handle handle, long id) {
        return handle.attach(ReservationDao.class).find(id)
                .orElseThrow(() -> DomainException.notFound("reservation", id));
    }

    /** 404 for a reservation of a depot outside the caller's scope, so ids do not leak. */
    private static ReservationDao.Row visible(Handle handle, Caller caller, long id) {
        Reservation reservation = get(handle, id);
        if (!caller.canSee(reservation.depot())) {
            throw DomainException.notFound("reservation", id);
        }
        return handle.attach(ReservationDao.class).row(id).orElseThrow();
    }

    private void move(Handle handle, Actor actor, ReservationDao.Row row, ReservationStatus from,
            ReservationStatus to, String column, Instant at) {
        if (handle.attach(ReservationDao.class).move(row.id(), Transition.of(from, to), column, at) != 1) {
            ReservationStatus now = get(handle, row.id()).status();
            throw illegal("reservation " + row.id() + " is " + now + " and cannot become " + to, now);
        }
        audit(handle, actor, row.id(), from, to, at);
    }

    void audit(Handle handle, Actor actor, long id, ReservationStatus from, ReservationStatus to) {
        audit(handle, actor, id, from, to, clock.instant());
    }

    private static void audit(Handle handle, Actor actor, long id, ReservationStatus from, ReservationStatus to,
            Instant at) {
        AuditDao.stateChange(handle, BackorderFiller.ENTITY, id, from, to, at, actor.userId(), actor.name(),
                actor.requestId(), null);
    }

    private static DomainException illegal(String message, Enum<?> status) {
        return new DomainException(ErrorCode.ILLEGAL_STATE, message, Map.of("status", status.name()));
    }
}
