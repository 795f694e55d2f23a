package org.spares.service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Collection;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.jdbi.v3.core.Handle;
import org.spares.db.PartDao;
import org.spares.db.SqlErrors;
import org.spares.domain.DomainException;
import org.spares.domain.ErrorCode;
import org.spares.domain.ListOrder;
import org.spares.domain.Money;
import org.spares.domain.Part;

/** The parts catalogue. A new part's average cost starts at its unit cost (docs/REFERENCE.md "Stock rules"). */
public final class PartService {
    /** A part's catalogue fields, as created or edited; the sku never changes once created. */
    public record Fields(String sku, String name, String category, BigDecimal unitCost, BigDecimal holdingRate,
            Integer leadTimeDays) {
        static Fields of(Part part) {
            return new Fields(part.sku(), part.name(), part.category(), part.unitCost(), part.holdingRate(),
                    part.leadTimeDays());
        }
    }

    /** What an import did: rows in the file, parts created, parts updated. */
    public record Imported(int rows, int created, int updated) {
    }

    private final Transactions transactions;
    private final Clock clock;
    private final BigDecimal defaultHoldingRate;

    public PartService(Transactions transactions, Clock clock, BigDecimal defaultHoldingRate) {
        this.transactions = transactions;
        this.clock = clock;
        this.defaultHoldingRate = defaultHoldingRate;
    }

    /** 409 CONFLICT when the sku exists (in any case). */
    public Part create(Fields request, Idempotency<Part> once) {
        return transactions.inTransaction(once, handle -> create(handle, request));
    }

    /** Creates or updates every row by sku, all in one transaction: the file lands whole or not at all. */
    public Imported importAll(List<Fields> rows, Idempotency<Imported> once) {
        return transactions.inTransaction(once, handle -> {
            int created = 0;
            for (Fields row : rows) {
                if (upsert(handle, row)) {
                    created++;
                }
            }
            return new Imported(rows.size(), created, rows.size() - created);
        });
    }

    /** Parts in the given order, optionally of one category or with {@code like} (a LIKE pattern) in sku or name. */
    public List<Part> page(String category, String like, ListOrder order, int limit) {
        return transactions.read(handle -> handle.attach(PartDao.class).page(order, limit, category, like));
    }

    /** The names of these parts, by sku (unknown skus are absent). */
    public Map<String, String> names(Collection<String> skus) {
        if (skus.isEmpty()) {
            return Map.of();
        }
        return transactions.read(handle -> handle.attach(PartDao.class).names(skus));
    }

    /** 404 for an unknown sku. */
    public Part get(String sku) {
        return transactions.read(handle -> get(handle, sku));
    }

    /** Catalogue fields only, as {@code edit} makes them of the current ones; the average cost stays the ledger's. */
    public Part update(String sku, UnaryOperator<Fields> edit) {
        return transactions.inTransaction(handle -> {
            Part current = handle.attach(PartDao.class).lockBySku(sku)
                    .orElseThrow(() -> DomainException.notFound("part", sku));
            return update(handle, current, edit.apply(Fields.of(current)));
        });
    }

    Part create(Handle handle, Fields request) {
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

    /** Creates or updates by sku; returns true when it created. */
    private boolean upsert(Handle handle, Fields request) {
        PartDao parts = handle.attach(PartDao.class);
        var existing = parts.lockBySku(request.sku());
        if (existing.isEmpty()) {
            create(handle, request);
            return true;
        }
        update(handle, existing.get(), request);
        return false;
    }

    static Part get(Handle handle, String sku) {
        return handle.attach(PartDao.class).findBySku(sku).orElseThrow(() -> DomainException.notFound("part", sku));
    }

    private Part update(Handle handle, Part current, Fields merged) {
        Part updated = new Part(current.id(), current.sku(), merged.name().strip(), merged.category().strip(),
                Money.round(merged.unitCost()), holdingRate(merged), merged.leadTimeDays(), current.averageUnitCost(),
                current.unitsOwned(), current.createdAt(), clock.instant());
        handle.attach(PartDao.class).updateCatalogue(updated);
        return handle.attach(PartDao.class).findById(current.id()).orElseThrow();
    }

    private Part fromRequest(long id, Fields request, Instant createdAt, Instant updatedAt) {
        BigDecimal unitCost = Money.round(request.unitCost());
        return new Part(id, request.sku(), request.name().strip(), request.category().strip(), unitCost,
                holdingRate(request), request.leadTimeDays(), unitCost, 0, createdAt, updatedAt);
    }

    private BigDecimal holdingRate(Fields request) {
        return Money.round(request.holdingRate() == null ? defaultHoldingRate : request.holdingRate());
    }

    private static DomainException duplicate(String sku) {
        return new DomainException(ErrorCode.CONFLICT, "part " + sku + " already exists", Map.of("sku", sku));
    }
}
