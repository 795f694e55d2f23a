package org.spares.service;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.spares.db.PositionDao;
import org.spares.domain.Actor;
import org.spares.domain.Depot;
import org.spares.domain.DomainException;
import org.spares.domain.ErrorCode;
import org.spares.domain.Movement;
import org.spares.domain.MovementType;
import org.spares.domain.Part;

/** Receipts, count adjustments and scrap posted by managers (POST /movements). */
public final class MovementService {
    /** A posted movement, checked for shape by the resource. */
    public record NewMovement(MovementType type, String depot, String sku, int quantity, BigDecimal unitCost,
            String reason, String reference) {
    }

    private final StockLedger ledger;
    private final StockArrivals arrivals;

    public MovementService(StockLedger ledger, StockArrivals arrivals) {
        this.ledger = ledger;
        this.arrivals = arrivals;
    }

    public Movement post(Handle handle, Actor actor, NewMovement request) {
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
