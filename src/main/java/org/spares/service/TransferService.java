package org.spares.service;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.spares.db.AuditDao;
import org.spares.db.PositionDao;
import org.spares.db.TransferDao;
import org.spares.domain.Actor;
import org.spares.domain.Caller;
import org.spares.domain.Depot;
import org.spares.domain.DomainException;
import org.spares.domain.ErrorCode;
import org.spares.domain.ListOrder;
import org.spares.domain.MovementType;
import org.spares.domain.Part;
import org.spares.domain.Transfer;
import org.spares.domain.TransferStatus;
import org.spares.domain.Transition;

/**
 * Transfers between depots: request reserves at the source, ship writes TRANSFER_OUT and raises the destination's
 * inbound, receive writes TRANSFER_IN, cancel (before shipping) releases the reservation. Transfers never change
 * the part's average cost.
 */
public final class TransferService {
    private static final String ENTITY = "TRANSFER";

    private final Transactions transactions;
    private final StockLedger ledger;
    private final StockArrivals arrivals;

    public TransferService(Transactions transactions, StockLedger ledger, StockArrivals arrivals) {
        this.transactions = transactions;
        this.ledger = ledger;
        this.arrivals = arrivals;
    }

    /** REQUESTED, the units reserved at the source; 403 unless the source is the caller's. */
    public Transfer request(Actor actor, Caller caller, String fromCode, String toCode, String sku, int quantity,
            Idempotency<Transfer> once) {
        caller.requireDepot(fromCode);
        return transactions.inTransaction(once, handle -> request(handle, actor, fromCode, toCode, sku, quantity));
    }

    /** SHIPPED: TRANSFER_OUT at the source, inbound at the destination. */
    public Transfer ship(Actor actor, Caller caller, long id, Idempotency<Transfer> once) {
        return transactions.inTransaction(once, handle -> ship(handle, actor, caller, id));
    }

    /** RECEIVED: TRANSFER_IN at the destination. */
    public Transfer receive(Actor actor, Caller caller, long id, Idempotency<Transfer> once) {
        return transactions.inTransaction(once, handle -> receive(handle, actor, caller, id));
    }

    /** CANCELLED (only before shipping), the source's reservation released. */
    public Transfer cancel(Actor actor, Caller caller, long id, Idempotency<Transfer> once) {
        return transactions.inTransaction(once, handle -> cancel(handle, actor, caller, id));
    }

    /** Which transfers a list shows; null fields do not filter; {@code depot} matches either end. */
    public record Filter(String depot, TransferStatus status, String fromDepot, String toDepot, String sku) {
    }

    /** Transfers touching the caller's depots in the given order, up to {@code limit} after its last row. */
    public List<Transfer> page(Caller caller, Filter filter, ListOrder order, int limit) {
        ListScope scope = ListScope.of(caller, filter.depot());
        TransferDao.Filter rows = new TransferDao.Filter(filter.depot(),
                filter.status() == null ? null : filter.status().name(), filter.fromDepot(), filter.toDepot(),
                filter.sku());
        return transactions.read(handle -> handle.attach(TransferDao.class).page(order, limit, rows,
                scope.allDepots(), scope.depots()));
    }

    /** 404 when unknown or when neither end is in the caller's depots. */
    public Transfer get(Caller caller, long id) {
        return transactions.read(handle -> visible(handle, caller, id));
    }

    private Transfer request(Handle handle, Actor actor, String fromCode, String toCode, String sku, int quantity) {
        if (fromCode.equals(toCode)) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "toDepot must differ from fromDepot",
                    Map.of("field", "toDepot"));
        }
        Depot from = DepotService.get(handle, fromCode);
        Depot to = DepotService.get(handle, toCode);
        // The part first, as everywhere: inserting the transfer checks its foreign key to the part row.
        Part part = StockLedger.lockPart(handle, sku);
        StockLedger.lockPosition(handle, to.id(), part.id());
        PositionDao.Row source = StockLedger.lockPosition(handle, from.id(), part.id());
        if (PositionDao.reserve(handle, source.id(), quantity) != 1) {
            throw new DomainException(ErrorCode.INSUFFICIENT_STOCK, "only " + source.available() + " of " + sku
                    + " available at " + fromCode, Map.of("available", source.available(), "requested", quantity));
        }
        Instant at = ledger.now();
        long id = handle.attach(TransferDao.class).insert(from.id(), to.id(), part.id(), quantity, at,
                actor.userId());
        audit(handle, actor, id, null, TransferStatus.REQUESTED, at);
        return get(handle, id);
    }

    /**
     * Source manager: REQUESTED to SHIPPED. One instant, read after the part lock, is the transfer's shippedAt, its
     * audit row's and its TRANSFER_OUT row's: the units leave the shelf and enter transit at once, so units owned
     * never jump at any instant.
     */
    private Transfer ship(Handle handle, Actor actor, Caller caller, long id) {
        Transfer transfer = visible(handle, caller, id);
        caller.requireDepot(transfer.fromDepot());
        TransferDao.Keys keys = handle.attach(TransferDao.class).keys(id).orElseThrow();
        StockLedger.lockPart(handle, keys.partId());
        Instant at = ledger.now();
        move(handle, actor, transfer, TransferStatus.SHIPPED, "shipped", at);
        PositionDao positions = handle.attach(PositionDao.class);
        PositionDao.Row source = StockLedger.lockPosition(handle, keys.fromDepotId(), keys.partId());
        if (positions.takeReserved(source.id(), keys.quantity()) != 1) {
            throw new IllegalStateException("transfer " + id + " lost its reservation");
        }
        ledger.record(handle, actor, at, new StockLedger.Entry(MovementType.TRANSFER_OUT, keys.fromDepotId(),
                transfer.fromDepot(), keys.partId(), source.id(), -keys.quantity(), source.onHand() - keys.quantity(),
                null, "transfer " + id, null, id, null));
        PositionDao.Row destination = StockLedger.lockPosition(handle, keys.toDepotId(), keys.partId());
        StockLedger.requireRoom(destination, keys.quantity());
        positions.addInbound(destination.id(), keys.quantity());
        return get(handle, id);
    }

    /** Destination manager: SHIPPED to RECEIVED; receivedAt is the instant of the TRANSFER_IN row, as in {@link #ship}. */
    private Transfer receive(Handle handle, Actor actor, Caller caller, long id) {
        Transfer transfer = visible(handle, caller, id);
        caller.requireDepot(transfer.toDepot());
        TransferDao.Keys keys = handle.attach(TransferDao.class).keys(id).orElseThrow();
        StockLedger.lockPart(handle, keys.partId());
        Instant at = ledger.now();
        move(handle, actor, transfer, TransferStatus.RECEIVED, "received", at);
        PositionDao.Row destination = StockLedger.lockPosition(handle, keys.toDepotId(), keys.partId());
        if (handle.attach(PositionDao.class).receiveInbound(destination.id(), keys.quantity()) != 1) {
            throw new IllegalStateException("transfer " + id + " was not inbound");
        }
        ledger.record(handle, actor, at, new StockLedger.Entry(MovementType.TRANSFER_IN, keys.toDepotId(),
                transfer.toDepot(), keys.partId(), destination.id(), keys.quantity(),
                destination.onHand() + keys.quantity(), null, "transfer " + id, null, id, null));
        arrivals.arrived(handle, destination.id(), actor);
        return get(handle, id);
    }

    /** Either side's manager, before shipping: REQUESTED to CANCELLED, the source's units free again. */
    private Transfer cancel(Handle handle, Actor actor, Caller caller, long id) {
        Transfer transfer = visible(handle, caller, id);
        TransferDao.Keys keys = handle.attach(TransferDao.class).keys(id).orElseThrow();
        move(handle, actor, transfer, TransferStatus.CANCELLED, "cancelled", ledger.now());
        PositionDao.Row source = StockLedger.lockPosition(handle, keys.fromDepotId(), keys.partId());
        if (handle.attach(PositionDao.class).unreserve(source.id(), keys.quantity()) != 1) {
            throw new IllegalStateException("transfer " + id + " lost its reservation");
        }
        arrivals.arrived(handle, source.id(), actor);
        return get(handle, id);
    }

    /** 404 for a transfer the caller may not see at all (neither end in scope), so ids do not leak. */
    private static Transfer visible(Handle handle, Caller caller, long id) {
        Transfer transfer = get(handle, id);
        if (!caller.canSee(transfer.fromDepot()) && !caller.canSee(transfer.toDepot())) {
            throw DomainException.notFound("transfer", id);
        }
        return transfer;
    }

    private static Transfer get(Handle handle, long id) {
        return handle.attach(TransferDao.class).find(id).orElseThrow(() -> DomainException.notFound("transfer", id));
    }

    private void move(Handle handle, Actor actor, Transfer transfer, TransferStatus next, String column, Instant at) {
        boolean moved = transfer.status().canBecome(next) && handle.attach(TransferDao.class)
                .move(transfer.id(), Transition.of(transfer.status(), next), column, at, actor.userId()) == 1;
        if (!moved) {
            TransferStatus now = get(handle, transfer.id()).status();
            throw new DomainException(ErrorCode.ILLEGAL_STATE, "transfer " + transfer.id() + " is " + now
                    + " and cannot become " + next, Map.of("status", now.name(), "wanted", next.name()));
        }
        audit(handle, actor, transfer.id(), transfer.status(), next, at);
    }

    private static void audit(Handle handle, Actor actor, long id, TransferStatus from, TransferStatus to,
            Instant at) {
        AuditDao.stateChange(handle, ENTITY, id, from, to, at, actor.userId(), actor.name(), actor.requestId(), null);
    }
}
