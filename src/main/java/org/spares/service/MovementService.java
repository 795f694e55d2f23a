package org.spares.service;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.spares.db.LedgerDao;
import org.spares.db.PositionDao;
import org.spares.domain.Actor;
import org.spares.domain.Caller;
import org.spares.domain.Depot;
import org.spares.domain.DomainException;
import org.spares.domain.ErrorCode;
import org.spares.domain.ListOrder;
import org.spares.domain.Movement;
import org.spares.domain.MovementType;
import org.spares.domain.Part;

/** Receipts, count adjustments and scrap posted by managers (POST /movements). */
public final class MovementService {
    /** A posted movement, checked for shape by the resource. */
    public record NewMovement(MovementType type, String depot, String sku, int quantity, BigDecimal unitCost,
            String reason, String reference) {
    }

    /** Which ledger rows a list shows; null fields do not filter. {@code from} inclusive, {@code to} exclusive. */
    public record Filter(String depot, String sku, MovementType type, Instant from, Instant to) {
    }

    private final Transactions transactions;
    private final StockLedger ledger;
    private final StockArrivals arrivals;

    public MovementService(Transactions transactions, StockLedger ledger, StockArrivals arrivals) {
        this.transactions = transactions;
        this.ledger = ledger;
        this.arrivals = arrivals;
    }

    /** 403 outside the caller's depots; 409 INSUFFICIENT_STOCK when on hand would fall below the reserved units. */
    public Movement post(Actor actor, Caller caller, NewMovement request, Idempotency<Movement> once) {
        caller.requireDepot(request.depot());
        return transactions.inTransaction(once, handle -> post(handle, actor, request));
    }

    /**
     * A stock count: under the position's lock, an ADJUSTMENT of the difference between the units counted and the
     * units on hand, in the same transaction, so that a movement between the count and its posting is never lost or
     * counted twice. Empty when the count matches (nothing is written). 409 INSUFFICIENT_STOCK when fewer units are
     * counted than are reserved; 400 for a negative count; 403 outside the caller's depots.
     */
    public Optional<Movement> count(Actor actor, Caller caller, String depotCode, String sku, int counted,
            String reason, Idempotency<Optional<Movement>> once) {
        caller.requireDepot(depotCode);
        if (counted < 0) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "counted must be 0 or more",
                    Map.of("field", "counted"));
        }
        return transactions.inTransaction(once, handle -> {
            Depot depot = DepotService.get(handle, depotCode);
            Part part = StockLedger.lockPart(handle, sku);
            int difference = counted - StockLedger.lockPosition(handle, depot.id(), part.id()).onHand();
            if (difference == 0) {
                return Optional.<Movement>empty();
            }
            return Optional.of(post(handle, actor, new NewMovement(MovementType.ADJUSTMENT, depotCode, sku,
                    difference, null, reason, "count: " + counted + " counted")));
        });
    }

    /** Ledger rows in the given order, up to {@code limit} after the order's last row (docs/REFERENCE.md "Lists, CSV and content types"). */
    public List<Movement> page(Caller caller, Filter filter, ListOrder order, int limit) {
        ListScope scope = ListScope.of(caller, filter.depot());
        return transactions.read(handle -> handle.attach(LedgerDao.class).page(order, limit, filter.depot(),
                filter.sku(), filter.type() == null ? null : filter.type().name(), filter.from(), filter.to(),
                scope.allDepots(), scope.depots()));
    }

    /** 404 when unknown or outside the caller's depots. */
    public Movement get(Caller caller, long id) {
        return transactions.read(handle -> handle.attach(LedgerDao.class).find(id))
                .filter(row -> caller.canSee(row.depot()))
                .orElseThrow(() -> DomainException.notFound("movement", id));
    }

    Movement post(Handle handle, Actor actor, NewMovement request) {
        checkRules(request);
        Depot depot = DepotService.get(handle, request.depot());
        Part part = StockLedger.lockPart(handle, request.sku());
        PositionDao.Row position = StockLedger.lockPosition(handle, depot.id(), part.id());
        int signed = request.type() == MovementType.SCRAP ? -request.quantity() : request.quantity();
        StockLedger.requireRoom(position, signed);
        if (handle.attach(PositionDao.class).addOnHand(position.id(), signed) != 1) {
            throw insufficient(position, signed);
        }
        Movement movement = ledger.record(handle, actor, new StockLedger.Entry(request.type(), depot.id(),
                depot.code(), part.id(), position.id(), signed, position.onHand() + signed, request.unitCost(),
                request.reference(), request.reason(), null, null));
        if (signed > 0) {
            arrivals.arrived(handle, position.id(), actor);
        }
        return movement;
    }

    private static void checkRules(NewMovement request) {
        if (!request.type().postable()) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "type must be RECEIPT, ADJUSTMENT or SCRAP",
                    Map.of("field", "type"));
        }
        if (request.type() == MovementType.ADJUSTMENT ? request.quantity() == 0 : request.quantity() <= 0) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, request.type() == MovementType.ADJUSTMENT
                    ? "quantity of an adjustment must not be 0" : "quantity must be greater than 0",
                    Map.of("field", "quantity"));
        }
        boolean receipt = request.type() == MovementType.RECEIPT;
        if (receipt && (request.unitCost() == null || request.unitCost().signum() <= 0)) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "a receipt needs unitCost greater than 0",
                    Map.of("field", "unitCost"));
        }
        if (!receipt && request.unitCost() != null) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED,
                    "unitCost is only for receipts; other movements use the average in force", Map.of("field", "unitCost"));
        }
    }

    private static DomainException insufficient(PositionDao.Row position, int signed) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("onHand", position.onHand());
        details.put("reserved", position.reserved());
        details.put("available", position.available());
        details.put("requested", signed);
        return new DomainException(ErrorCode.INSUFFICIENT_STOCK,
                "on hand cannot go below the " + position.reserved() + " reserved units (available "
                        + position.available() + ")", details);
    }
}
