package org.spares.service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.jdbi.v3.core.Handle;
import org.spares.db.AuditDao;
import org.spares.db.PositionDao;
import org.spares.db.RepairOrderDao;
import org.spares.db.ReservationDao;
import org.spares.domain.Actor;
import org.spares.domain.Caller;
import org.spares.domain.Depot;
import org.spares.domain.DomainException;
import org.spares.domain.ErrorCode;
import org.spares.domain.ListOrder;
import org.spares.domain.Priority;
import org.spares.domain.RepairOrder;
import org.spares.domain.RepairOrderStatus;
import org.spares.domain.Reservation;
import org.spares.domain.ReservationStatus;
import org.spares.domain.Transition;

/** Repair orders: open, complete (nothing left held or awaited), cancel (releases everything it holds or awaits). */
public final class RepairOrderService {
    /** An order with its reservations, as one read saw them. */
    public record Detail(RepairOrder order, List<Reservation> reservations) {
    }

    private final Transactions transactions;
    private final ReservationService reservations;
    private final PartsWait partsWait;
    private final Clock clock;

    public RepairOrderService(Transactions transactions, ReservationService reservations, PartsWait partsWait,
            Clock clock) {
        this.transactions = transactions;
        this.reservations = reservations;
        this.partsWait = partsWait;
        this.clock = clock;
    }

    /** OPEN; the target turnaround defaults to the depot's. 403 outside the caller's depots. */
    public Detail open(Actor actor, Caller caller, String depotCode, String assetTag, String description,
            Priority priority, BigDecimal targetTurnaroundHours, Idempotency<Detail> once) {
        caller.requireDepot(depotCode);
        return transactions.inTransaction(once, handle -> detail(handle, open(handle, actor, depotCode, assetTag,
                description, priority, targetTurnaroundHours)));
    }

    /** To COMPLETED when every reservation is issued, released or expired; 409 ILLEGAL_STATE otherwise. */
    public Detail complete(Actor actor, Caller caller, long id, Idempotency<Detail> once) {
        return transactions.inTransaction(once, handle -> detail(handle, complete(handle, actor, caller, id)));
    }

    /** To CANCELLED, releasing every held or backordered reservation. */
    public Detail cancel(Actor actor, Caller caller, long id, Idempotency<Detail> once) {
        return transactions.inTransaction(once, handle -> detail(handle, cancel(handle, actor, caller, id)));
    }

    /** Which orders a list shows; null fields do not filter; opened in [openedFrom, openedTo). */
    public record Filter(String depot, RepairOrderStatus status, Priority priority, Instant openedFrom,
            Instant openedTo) {
    }

    /** Orders of the caller's depots in the given order, up to {@code limit} after its last row, no reservations. */
    public List<RepairOrder> page(Caller caller, Filter filter, ListOrder order, int limit) {
        ListScope scope = ListScope.of(caller, filter.depot());
        RepairOrderDao.Filter rows = new RepairOrderDao.Filter(filter.depot(),
                filter.status() == null ? null : filter.status().name(),
                filter.priority() == null ? null : filter.priority().name(), filter.openedFrom(), filter.openedTo());
        return transactions.read(handle -> handle.attach(RepairOrderDao.class).page(order, limit, rows,
                scope.allDepots(), scope.depots()));
    }

    /** One order with its reservations; 404 when unknown or outside the caller's depots. */
    public Detail get(Caller caller, long id) {
        return transactions.read(handle -> detail(handle, visible(handle, caller, id)));
    }

    private static Detail detail(Handle handle, RepairOrder order) {
        return new Detail(order, handle.attach(ReservationDao.class).forOrder(order.id()));
    }

    private RepairOrder open(Handle handle, Actor actor, String depotCode, String assetTag, String description,
            Priority priority, BigDecimal targetTurnaroundHours) {
        Depot depot = DepotService.get(handle, depotCode);
        BigDecimal target = targetTurnaroundHours == null ? depot.targetTurnaroundHours() : targetTurnaroundHours;
        long id = handle.attach(RepairOrderDao.class).insert(depot.id(), assetTag, description, priority.name(),
                priority.rank(), target, clock.instant(), actor.userId());
        audit(handle, actor, id, null, RepairOrderStatus.OPEN);
        return get(handle, id);
    }

    private RepairOrder complete(Handle handle, Actor actor, Caller caller, long id) {
        RepairOrder order = visible(handle, caller, id);
        caller.requireDepot(order.depot());
        RepairOrder locked = handle.attach(RepairOrderDao.class).lock(id).orElseThrow();
        requireActive(locked);
        List<ReservationDao.Row> open = handle.attach(ReservationDao.class).active(id);
        if (!open.isEmpty()) {
            throw new DomainException(ErrorCode.ILLEGAL_STATE, "repair order " + id + " still holds or awaits "
                    + open.size() + " reservations", Map.of("status", locked.status().name(),
                    "activeReservations", open.stream().map(ReservationDao.Row::id).toList()));
        }
        close(handle, actor, id, Transition.of(locked.status(), RepairOrderStatus.COMPLETED), "completed");
        return get(handle, id);
    }

    /**
     * To CANCELLED, releasing every held or backordered reservation. Positions are locked before the order (the
     * lock order); a reservation added between the first read and the order's lock is caught by reading again.
     */
    private RepairOrder cancel(Handle handle, Actor actor, Caller caller, long id) {
        RepairOrder order = visible(handle, caller, id);
        caller.requireDepot(order.depot());
        ReservationDao dao = handle.attach(ReservationDao.class);
        TreeSet<Long> locked = new TreeSet<>();
        lockPositions(handle, dao.active(id), locked);
        RepairOrder current = handle.attach(RepairOrderDao.class).lock(id).orElseThrow();
        requireActive(current);
        List<ReservationDao.Row> active = dao.active(id);
        lockPositions(handle, active, locked);
        // Backorders first: releasing held units fills waiting backorders, and none of those may be this order's.
        active.stream().filter(row -> row.status() == ReservationStatus.BACKORDERED)
                .forEach(row -> releaseForCancel(handle, actor, row));
        active.stream().filter(row -> row.status() == ReservationStatus.HELD)
                .forEach(row -> releaseForCancel(handle, actor, row));
        handle.attach(RepairOrderDao.class).updateWait(id, current.status(), 0, null, partsWait.closedWait(current));
        close(handle, actor, id, Transition.of(current.status(), RepairOrderStatus.CANCELLED), "cancelled");
        return get(handle, id);
    }

    /** The order is locked and was active: the guarded UPDATE cannot miss. */
    private void close(Handle handle, Actor actor, long id, Transition<RepairOrderStatus> move, String column) {
        if (handle.attach(RepairOrderDao.class).close(id, move, column, clock.instant(), actor.userId()) != 1) {
            throw new IllegalStateException("repair order " + id + " changed under its lock");
        }
        audit(handle, actor, id, move.from(), move.to());
    }

    private void releaseForCancel(Handle handle, Actor actor, ReservationDao.Row row) {
        ReservationStatus from = row.status();
        if (handle.attach(ReservationDao.class).move(row.id(), Transition.of(from, ReservationStatus.RELEASED),
                "released", clock.instant()) != 1) {
            throw new IllegalStateException("reservation " + row.id() + " changed under its position lock");
        }
        reservations.audit(handle, actor, row.id(), from, ReservationStatus.RELEASED);
        if (from == ReservationStatus.BACKORDERED) {
            handle.attach(PositionDao.class).addBackordered(row.positionId(), -row.quantity());
            return;
        }
        reservations.unreserve(handle, actor, row.positionId(), row.quantity());
    }

    private static void lockPositions(Handle handle, List<ReservationDao.Row> rows, TreeSet<Long> locked) {
        TreeSet<Long> wanted = new TreeSet<>();
        rows.forEach(row -> wanted.add(row.positionId()));
        wanted.removeAll(locked);
        for (long positionId : wanted) {
            handle.attach(PositionDao.class).lockById(positionId);
            locked.add(positionId);
        }
    }

    private static void requireActive(RepairOrder order) {
        if (!order.status().active()) {
            throw new DomainException(ErrorCode.ILLEGAL_STATE, "repair order " + order.id() + " is " + order.status(),
                    Map.of("status", order.status().name()));
        }
    }

    static RepairOrder get(Handle handle, long id) {
        return handle.attach(RepairOrderDao.class).find(id)
                .orElseThrow(() -> DomainException.notFound("repair order", id));
    }

    /** 404 for an order of a depot outside the caller's scope, so ids do not leak. */
    private static RepairOrder visible(Handle handle, Caller caller, long id) {
        RepairOrder order = get(handle, id);
        if (!caller.canSee(order.depot())) {
            throw DomainException.notFound("repair order", id);
        }
        return order;
    }

    private void audit(Handle handle, Actor actor, long id, RepairOrderStatus from, RepairOrderStatus to) {
        AuditDao.stateChange(handle, PartsWait.ENTITY, id, from, to, clock.instant(), actor.userId(), actor.name(),
                actor.requestId(), null);
    }
}
