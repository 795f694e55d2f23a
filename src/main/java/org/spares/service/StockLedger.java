package org.spares.service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.spares.db.LedgerDao;
import org.spares.db.PartDao;
import org.spares.db.PositionDao;
import org.spares.db.PositionTotalsDao;
import org.spares.domain.Actor;
import org.spares.domain.CostTime;
import org.spares.domain.DomainException;
import org.spares.domain.ErrorCode;
import org.spares.domain.Movement;
import org.spares.domain.MovementType;
import org.spares.domain.MovingAverage;
import org.spares.domain.Part;
import org.spares.domain.Position;
import org.spares.domain.RunningTotals;

/**
 * The only writer of ledger rows. Lock order, the same everywhere: the part row, then position rows. Holding the
 * part's lock while a row is written orders every ledger row of a part by id in commit order, so the units owned
 * and the moving average read at a receipt are exactly what the ledger before it says.
 */
public final class StockLedger {
    /** What a ledger row is written with, beyond the position change the caller already made. */
    public record Entry(MovementType type, long depotId, String depotCode, long partId, long positionId, int quantity,
            int onHandAfter, BigDecimal receiptCost, String reference, String reason, Long transferId,
            Long reservationId) {
    }

    private final Clock clock;

    public StockLedger(Clock clock) {
        this.clock = clock;
    }

    /**
     * The instant of a unit of work, in the microseconds the databases keep, so what is written and what is answered
     * read back the same.
     */
    public Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /** Locks the part's row (first in the lock order); 404 for an unknown sku. */
    public static Part lockPart(Handle handle, String sku) {
        return handle.attach(PartDao.class).lockBySku(sku).orElseThrow(() -> DomainException.notFound("part", sku));
    }

    public static Part lockPart(Handle handle, long partId) {
        return handle.attach(PartDao.class).lockById(partId)
                .orElseThrow(() -> new IllegalStateException("part " + partId + " vanished"));
    }

    /**
     * 422 VALIDATION_FAILED (field {@code quantity}) when adding units would take the locked position past
     * {@link Position#MAX_UNITS}. Checked before any write: past the columns' range the database refuses the
     * UPDATE with an arithmetic error, which would be a 500, and Java's int sum would wrap.
     */
    public static void requireRoom(PositionDao.Row position, int adding) {
        if (adding > 0 && (long) position.onHand() + position.inbound() + adding > Position.MAX_UNITS) {
            throw tooMany(position, adding, "on hand and in transit");
        }
    }

    /** The same limit for the units repair orders wait for at the position (many backorders add up). */
    public static void requireBackorderRoom(PositionDao.Row position, int adding) {
        if ((long) position.backordered() + adding > Position.MAX_UNITS) {
            throw tooMany(position, adding, "backordered");
        }
    }

    private static DomainException tooMany(PositionDao.Row position, int adding, String what) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("field", "quantity");
        details.put("onHand", position.onHand());
        details.put("inbound", position.inbound());
        details.put("backordered", position.backordered());
        details.put("maxUnits", Position.MAX_UNITS);
        return new DomainException(ErrorCode.VALIDATION_FAILED, 422, "adding " + adding + " units would take the "
                + "position past " + Position.MAX_UNITS + " units " + what, details);
    }

    /**
     * Locks the position, creating it first when it was never stocked. A position is created once; a concurrent
     * twin's INSERT IGNORE simply finds it there.
     */
    public static PositionDao.Row lockPosition(Handle handle, long depotId, long partId) {
        return PositionDao.lock(handle, depotId, partId).orElseGet(() -> {
            handle.attach(PositionDao.class).insertIgnore(depotId, partId);
            return PositionDao.lock(handle, depotId, partId)
                    .orElseThrow(() -> new IllegalStateException("position vanished"));
        });
    }

    /**
     * Writes the ledger row for a position change the caller has just made (with its row count checked), and
     * moves the part's units owned and average cost. The caller took the part's lock first ({@link #lockPart});
     * reading the part again sees it as it is now, after any earlier row of this transaction, and no other
     * transaction can have changed it since.
     */
    public Movement record(Handle handle, Actor actor, Entry entry) {
        return record(handle, actor, now(), entry);
    }

    /**
     * {@link #record(Handle, Actor, Entry)} at {@code at}: the instant of the state change the row belongs to (a
     * transfer shipped or received, a reservation issued), read once by the caller after taking the part lock, so
     * the change and its ledger row are one instant and no report instant can fall between them.
     */
    public Movement record(Handle handle, Actor actor, Instant at, Entry entry) {
        Part part = handle.attach(PartDao.class).findById(entry.partId()).orElseThrow();
        BigDecimal average = part.averageUnitCost();
        BigDecimal unitCost = average;
        if (entry.type() == MovementType.RECEIPT) {
            unitCost = entry.receiptCost();
            average = MovingAverage.afterReceipt(part.averageUnitCost(), part.unitsOwned(), entry.quantity(), unitCost);
        }
        long unitsDelta = entry.type().changesUnitsOwned() ? entry.quantity() : 0;
        if (handle.attach(PartDao.class).moveUnits(part.id(), unitsDelta, average) != 1) {
            throw new DomainException(ErrorCode.ILLEGAL_STATE, "the part would own fewer than zero units",
                    Map.of("sku", part.sku()));
        }
        LedgerDao rows = handle.attach(LedgerDao.class);
        // The part's cost-time accumulator (reports): exact because this runs under the part lock.
        BigDecimal costTime = CostTime.next(rows.lastOfPart(part.id()).orElse(null), at);
        RunningTotals totals = positionTotals(handle, entry, at, costTime);
        long id = rows.insert(at, entry.type().name(), entry.depotId(), part.id(),
                entry.quantity(), unitCost, average, entry.onHandAfter(), actor.userId(), actor.name(),
                actor.requestId(), entry.reference(), entry.reason(), entry.transferId(), entry.reservationId(),
                costTime, totals.unitMicros(), totals.valueMicros(), totals.lastIssueAt());
        return new Movement(id, at, entry.type(), entry.depotCode(), part.sku(), entry.quantity(), unitCost, average,
                entry.onHandAfter(), actor.userId(), actor.name(), actor.requestId(), entry.reference(),
                entry.reason(), entry.transferId(), entry.reservationId());
    }

    /**
     * The position's running totals after this row (reports), kept on the position row too. Exact because the
     * caller holds the position lock: the position's previous row is the one the position row describes, and the
     * units on hand after it are this row's minus its quantity.
     */
    private static RunningTotals positionTotals(Handle handle, Entry entry, Instant at, BigDecimal costTime) {
        PositionTotalsDao positions = handle.attach(PositionTotalsDao.class);
        RunningTotals previous = positions.lock(entry.positionId())
                .map(stored -> new RunningTotals(stored.lastRowAt(), entry.onHandAfter() - (long) entry.quantity(),
                        stored.costTimeMicros(), stored.unitMicros(), stored.valueMicros(), stored.lastIssueAt()))
                .orElse(null);
        RunningTotals next = RunningTotals.next(previous, at, entry.onHandAfter(), costTime,
                entry.type() == MovementType.ISSUE);
        if (positions.update(entry.positionId(), at, costTime, next.unitMicros(), next.valueMicros(),
                next.lastIssueAt()) != 1) {
            throw new IllegalStateException("position " + entry.positionId() + " vanished");
        }
        return next;
    }
}
