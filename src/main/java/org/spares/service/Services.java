package org.spares.service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;

/**
 * Every service of Spares, built on one clock. The server builds it on the real clock; commands that replay a
 * history (seed-demo) build it on a simulated one, so they go through exactly the code the API uses.
 */
public record Services(Clock clock, UserService users, DepotService depots, PartService parts,
        PositionService positions, MovementService movements, TransferService transfers,
        ReservationService reservations, RepairOrderService repairOrders) {

    /** With business meters of their own, for commands and tests that have no server's registry. */
    public static Services build(Transactions transactions, Clock clock, BigDecimal defaultHoldingRate,
            Duration holdTime) {
        return build(transactions, clock, defaultHoldingRate, holdTime, BusinessMetrics.unregistered());
    }

    public static Services build(Transactions transactions, Clock clock, BigDecimal defaultHoldingRate,
            Duration holdTime, BusinessMetrics metrics) {
        StockLedger ledger = new StockLedger(clock);
        PartsWait partsWait = new PartsWait(clock);
        StockArrivals arrivals = new BackorderFiller(partsWait, clock, holdTime, metrics);
        ReservationService reservations = new ReservationService(transactions, ledger, arrivals, partsWait, clock,
                holdTime, metrics);
        return new Services(clock, new UserService(transactions, clock), new DepotService(transactions, clock),
                new PartService(transactions, clock, defaultHoldingRate), new PositionService(transactions, clock),
                new MovementService(transactions, ledger, arrivals), new TransferService(transactions, ledger,
                arrivals), reservations, new RepairOrderService(transactions, reservations, partsWait, clock));
    }
}
