package org.spares.service;

import java.time.Clock;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.spares.db.AuditDao;
import org.spares.db.PositionDao;
import org.spares.domain.Actor;
import org.spares.domain.Depot;
import org.spares.domain.DomainException;
import org.spares.domain.ErrorCode;
import org.spares.domain.Part;
import org.spares.domain.PolicySource;
import org.spares.domain.Position;

/**
 * Stock policy (target level, reorder point). Manual changes and applied optimizations take this one path, so
 * every change has its history row, written in the same transaction.
 */
public final class PolicyService {
    private final Clock clock;

    public PolicyService(Clock clock) {
        this.clock = clock;
    }

    public Position set(Handle handle, Actor actor, String depotCode, String sku, int targetLevel, int reorderPoint,
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
