package org.spares.service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.jdbi.v3.core.Handle;
import org.spares.db.DepotDao;
import org.spares.db.SqlErrors;
import org.spares.domain.Caller;
import org.spares.domain.Depot;
import org.spares.domain.DomainException;
import org.spares.domain.ErrorCode;

/** Depots and their service targets. */
public final class DepotService {
    /** What a depot is created or edited with; the code never changes once created. */
    public record Fields(String code, String name, BigDecimal targetTurnaroundHours, BigDecimal meanRepairHours,
            BigDecimal minFillRate) {
        static Fields of(Depot depot) {
            return new Fields(depot.code(), depot.name(), depot.targetTurnaroundHours(), depot.meanRepairHours(),
                    depot.minFillRate());
        }
    }

    private final Transactions transactions;
    private final Clock clock;

    public DepotService(Transactions transactions, Clock clock) {
        this.transactions = transactions;
        this.clock = clock;
    }

    /** @throws DomainException 422 VALIDATION_FAILED when the targets leave no time to wait for parts */
    public Depot create(Fields request, Idempotency<Depot> once) {
        return transactions.inTransaction(once, handle -> create(handle, request));
    }

    /** The depots in the caller's scope, by id, up to {@code limit} after the id. */
    public List<Depot> page(Caller caller, long after, int limit) {
        Set<String> scope = caller.depotFilter();
        return transactions.read(handle -> {
            DepotDao dao = handle.attach(DepotDao.class);
            return scope == null ? dao.page(after, limit)
                    : scope.isEmpty() ? List.<Depot>of() : dao.pageIn(after, limit, scope);
        });
    }

    /** 403 outside the caller's depots (checked first, so codes do not leak); 404 for an unknown code. */
    public Depot get(Caller caller, String code) {
        caller.requireDepot(code);
        return transactions.read(handle -> get(handle, code));
    }

    /** Replaces the editable fields with what {@code edit} makes of the current ones (code is fixed). */
    public Depot update(Caller caller, String code, UnaryOperator<Fields> edit) {
        caller.requireDepot(code);
        return transactions.inTransaction(handle -> {
            DepotDao depots = handle.attach(DepotDao.class);
            Depot current = depots.lockByCode(code).orElseThrow(() -> DomainException.notFound("depot", code));
            Fields merged = edit.apply(Fields.of(current));
            requireTimeForParts(merged);
            Depot updated = new Depot(current.id(), current.code(), merged.name().strip(),
                    merged.targetTurnaroundHours(), merged.meanRepairHours(), merged.minFillRate(),
                    current.createdAt(), clock.instant());
            depots.update(updated);
            return updated;
        });
    }

    Depot create(Handle handle, Fields request) {
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

    static Depot get(Handle handle, String code) {
        return handle.attach(DepotDao.class).findByCode(code).orElseThrow(() -> DomainException.notFound("depot", code));
    }

    /**
     * The parts wait a repair may take is the target turnaround minus the mean repair time; at zero or below every
     * later optimization of the depot is infeasible, so the wrong value is refused where it is entered.
     */
    private static void requireTimeForParts(Fields depot) {
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
