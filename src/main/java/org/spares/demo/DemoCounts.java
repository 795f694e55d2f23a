package org.spares.demo;







/** What a demo replay did, for its progress lines and its summary. */
public final class DemoCounts {
    int repairOrders;
    int reservations;
    int backorders;
    int issues;
    int receipts;
    int transfers;
    int cancelledOrders;
    int completedOrders;

    public int repairOrders() {
        return repairOrders;
    }

    public int backorders() {
        return backorders;
    }

    public int transfers() {
        return transfers;
    }

    @Override
    public String toString() {
        return repairOrders + " repair orders (" + completedOrders + " completed, " + cancelledOrders
                + " cancelled), " + reservations + " reservations (" + backorders + " backordered), " + issues
                + " issues, " + receipts + " receipts, " + transfers + " transfers";
    }
}
