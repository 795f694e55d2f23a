package org.spares.service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.spares.api.dto.PartDtos.NewPart;
import org.spares.db.PartDao;
import org.spares.db.SqlErrors;
import org.spares.domain.DomainException;
import org.spares.domain.ErrorCode;
import org.spares.domain.Money;
import org.spares.domain.Part;

/** The parts catalogue. A new part's average cost starts at its unit cost (API.md "Ledger"). */
public final class PartService {
    private final Clock clock;
    private final BigDecimal defaultHoldingRate;

    public PartService(Clock clock, BigDecimal defaultHoldingRate) {
        this.clock = clock;
        this.defaultHoldingRate = defaultHoldingRate;
    }

    public Part create(Handle handle, NewPart request) {
        PartDao parts = handle.attach(PartDao.class);
        if (parts.findBySku(request.sku()).isPresent()) {
            throw duplicate(request.sku());
        }
        Instant now = clock.instant();
        Part part = fromRequest(0, request, now, now);
        try {
            long id = parts.insert(part);
            return fromRequest(id, request, now, now);
        } catch (RuntimeException failure) {
            if (SqlErrors.isDuplicateKey(failure)) {
                throw duplicate(request.sku());
            }
            throw failure;
        }
    }

    /** Creates or updates by sku; returns true when it created. Used by the CSV import. */
    public boolean upsert(Handle handle, NewPart request) {
        PartDao parts = handle.attach(PartDao.class);
        var existing = parts.lockBySku(request.sku());
        if (existing.isEmpty()) {
            create(handle, request);
            return true;
        }
        update(handle, existing.get(), request);
        return false;
    }

    public static Part get(Handle handle, String sku) {
        return handle.attach(PartDao.class).findBySku(sku).orElseThrow(() -> DomainException.notFound("part", sku));
    }

    /** Catalogue fields only; the average cost stays the ledger's. */
    public Part update(Handle handle, Part current, NewPart merged) {
        Part updated = new Part(current.id(), current.sku(), merged.name().strip(), merged.category().strip(),
                Money.round(merged.unitCost()), holdingRate(merged), merged.leadTimeDays(), current.averageUnitCost(),
                current.unitsOwned(), current.createdAt(), clock.instant());
        handle.attach(PartDao.class).updateCatalogue(updated);
        return handle.attach(PartDao.class).findById(current.id()).orElseThrow();
    }

    private Part fromRequest(long id, NewPart request, Instant createdAt, Instant updatedAt) {
        BigDecimal unitCost = Money.round(request.unitCost());
        return new Part(id, request.sku(), request.name().strip(), request.category().strip(), unitCost,
                holdingRate(request), request.leadTimeDays(), unitCost, 0, createdAt, updatedAt);
    }

    private BigDecimal holdingRate(NewPart request) {
        return Money.round(request.holdingRate() == null ? defaultHoldingRate : request.holdingRate());
    }

    private static DomainException duplicate(String sku) {
        return new DomainException(ErrorCode.CONFLICT, "part " + sku + " already exists", Map.of("sku", sku));
    }
}
