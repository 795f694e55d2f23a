package org.spares.service;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.spares.api.dto.DepotDtos.NewDepot;
import org.spares.db.DepotDao;
import org.spares.db.SqlErrors;
import org.spares.domain.Depot;
import org.spares.domain.DomainException;
import org.spares.domain.ErrorCode;

/** Depots and their service targets. */
public final class DepotService {
    private final Clock clock;

    public DepotService(Clock clock) {
        this.clock = clock;
    }

    /** @throws DomainException 422 VALIDATION_FAILED when the targets leave no time to wait for parts */
    public Depot create(Handle handle, NewDepot request) {
        requireTimeForParts(request);
        DepotDao depots = handle.attach(DepotDao.class);
        if (depots.findByCode(request.code()).isPresent()) {
            throw duplicate(request.code());
        }
        Instant now = clock.instant();
        Depot depot = new Depot(0, request.code(), request.name().strip(), request.targetTurnaroundHours(),
                request.meanRepairHours(), request.minFillRate(), now, now);
        try {
            long id = depots.insert(depot);
            return new Depot(id, depot.code(), depot.name(), depot.targetTurnaroundHours(), depot.meanRepairHours(),
                    depot.minFillRate(), now, now);
        } catch (RuntimeException failure) {
            if (SqlErrors.isDuplicateKey(failure)) {
                throw duplicate(request.code());
            }
            throw failure;
        }
    }

    public static Depot get(Handle handle, String code) {
        return handle.attach(DepotDao.class).findByCode(code).orElseThrow(() -> DomainException.notFound("depot", code));
    }

    /** Replaces the editable fields with the merged request (code is fixed). */
    public Depot update(Handle handle, String code, NewDepot merged) {
        requireTimeForParts(merged);
        DepotDao depots = handle.attach(DepotDao.class);
        Depot current = depots.lockByCode(code).orElseThrow(() -> DomainException.notFound("depot", code));
        Depot updated = new Depot(current.id(), current.code(), merged.name().strip(), merged.targetTurnaroundHours(),
                merged.meanRepairHours(), merged.minFillRate(), current.createdAt(), clock.instant());
        depots.update(updated);
        return updated;
    }

    /**
     * The parts wait a repair may take is the target turnaround minus the mean repair time; at zero or below every
     * later optimization of the depot is infeasible, so the wrong value is refused where it is entered.
     */
    private static void requireTimeForParts(NewDepot depot) {
        if (depot.meanRepairHours().compareTo(depot.targetTurnaroundHours()) >= 0) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, 422, "meanRepairHours ("
                    + depot.meanRepairHours().toPlainString() + ") must be less than targetTurnaroundHours ("
                    + depot.targetTurnaroundHours().toPlainString() + "): no time would be left to wait for parts",
                    Map.of("field", "meanRepairHours"));
        }
    }

    private static DomainException duplicate(String code) {
        return new DomainException(ErrorCode.CONFLICT, "depot " + code + " already exists", Map.of("code", code));
    }
}
