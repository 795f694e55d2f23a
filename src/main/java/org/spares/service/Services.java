package org.spares.service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;

/**
 * Every service of Spares, built on one clock. The server builds it on the real clock; commands that replay a
 * history (seed-demo) build it on a simulated one, so they go through exactly the code the API uses.
 */
public record Services(Clock clock, UserService users, DepotService depots, PartService parts,
        StockLedger ledger, PartsWait partsWait, StockArrivals arrivals, MovementService movements,
        TransferService transfers, PolicyService policies, ReservationService reservations,
        RepairOrderService repairOrders) {

    public static Services build(Clock clock, BigDecimal defaultHoldingRate, Duration holdTime) {
        StockLedger ledger = new StockLedger(clock);
        PartsWait partsWait = new PartsWait(clock);
        StockArrivals arrivals = new BackorderFiller(partsWait, clock, holdTime);
        ReservationService reservations = new ReservationService(ledger, arrivals, partsWait, clock, holdTime);
        return new Services(clock, new UserService(clock), new DepotService(clock),
                new PartService(clock, defaultHoldingRate), ledger, partsWait, arrivals,
                new MovementService(ledger, arrivals), new TransferService(ledger, arrivals),
                new PolicyService(clock), reservations, new RepairOrderService(reservations, partsWait, clock));
    }
}
