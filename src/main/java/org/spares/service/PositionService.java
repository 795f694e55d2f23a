package org.spares.service;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.spares.db.AuditDao;
import org.spares.db.PositionDao;
import org.spares.domain.Actor;
import org.spares.domain.Caller;
import org.spares.domain.Depot;
import org.spares.domain.DomainException;
import org.spares.domain.ErrorCode;
import org.spares.domain.ListOrder;
import org.spares.domain.Part;
import org.spares.domain.PolicyChange;
import org.spares.domain.PolicySource;
import org.spares.domain.Position;

/**
 * Stock policy (target level, reorder point). Manual changes and applied optimizations take this one path, so
 * every change has its history row, written in the same transaction.
 */
public final class PositionService {
    /** Which positions a list shows; null fields do not filter. */
    /** {@code like}: a LIKE pattern the sku or the part's name must match (null: any). */
    public record Filter(String depot, String sku, boolean belowReorderPoint, String like) {
        public Filter(String depot, String sku, boolean belowReorderPoint) {
            this(depot, sku, belowReorderPoint, null);
        }
    }

    private final Transactions transactions;
    private final Clock clock;

    public PositionService(Transactions transactions, Clock clock) {
        this.transactions = transactions;
        this.clock = clock;
    }

    /** One position; a position never stocked reads as zeros. 403 outside the caller's depots; 404 unknown. */
    public Position get(Caller caller, String depotCode, String sku) {
        caller.requireDepot(depotCode);
        return transactions.read(handle -> {
            DepotService.get(handle, depotCode);
            Part part = PartService.get(handle, sku);
            return handle.attach(PositionDao.class).find(depotCode, sku)
                    .orElse(Position.empty(depotCode, sku, part.averageUnitCost()));
        });
    }

    /**
     * Positions by id, up to {@code limit} after the id. {@code belowReorderPoint} keeps positions with a policy
     * (target level above 0) whose {@code available + inbound - backordered} is at or below the reorder point.
     */
    public List<Position> page(Caller caller, Filter filter, long after, int limit) {
        return page(caller, filter, ListOrder.byId().after(null, after), limit);
    }

    /** Positions in the given order, up to {@code limit} after the order's last row (docs/REFERENCE.md "Lists, CSV and content types"). */
    public List<Position> page(Caller caller, Filter filter, ListOrder order, int limit) {
        ListScope scope = ListScope.of(caller, filter.depot());
        return transactions.read(handle -> handle.attach(PositionDao.class).page(order, limit, filter.depot(),
                filter.sku(), scope.allDepots(), scope.depots(), filter.belowReorderPoint(), filter.like()));
    }

    /** Sets target level and reorder point by hand, with a reason. */
    public Position setPolicy(Actor actor, Caller caller, String depotCode, String sku, int targetLevel,
            int reorderPoint, String reason) {
        caller.requireDepot(depotCode);
        return transactions.inTransaction(handle -> set(handle, actor, depotCode, sku, targetLevel, reorderPoint,
                reason, PolicySource.MANUAL, null));
    }

    /** Every policy change of the position, oldest first, up to {@code limit} after the id. */
    public List<PolicyChange> policyHistory(Caller caller, String depotCode, String sku, long after, int limit) {
        caller.requireDepot(depotCode);
        return transactions.read(handle -> {
            DepotService.get(handle, depotCode);
            PartService.get(handle, sku);
            return handle.attach(AuditDao.class).policyHistory(depotCode, sku, after, limit);
        });
    }

    Position set(Handle handle, Actor actor, String depotCode, String sku, int targetLevel, int reorderPoint,
            String reason, PolicySource source, Long optimizationId) {
        if (reorderPoint < 0 || targetLevel < reorderPoint) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "targetLevel >= reorderPoint >= 0 must hold",
                    Map.of("field", reorderPoint < 0 ? "reorderPoint" : "targetLevel"));
        }
        Depot depot = DepotService.get(handle, depotCode);
        Part part = PartService.get(handle, sku);
        PositionDao.Row position = StockLedger.lockPosition(handle, depot.id(), part.id());
        handle.attach(PositionDao.class).setPolicy(position.id(), targetLevel, reorderPoint);
        handle.attach(AuditDao.class).policyChange(depot.id(), part.id(), clock.instant(), actor.userId(),
                actor.name(), actor.requestId(), position.targetLevel(), targetLevel, position.reorderPoint(),
                reorderPoint, reason, source.name(), optimizationId);
        return handle.attach(PositionDao.class).find(depotCode, sku).orElseThrow();
    }
}
