package org.spares.service;

import java.util.Map;

/** How much the database holds, by kind: commands that fill an empty database ask first. */
public final class StoreContents {
    private final Transactions transactions;

    public StoreContents(Transactions transactions) {
        this.transactions = transactions;
    }

    /** Depots, parts, repair orders and ledger rows, counted. */
    public Map<String, Object> counts() {
        return transactions.read(handle -> handle.createQuery("""
                SELECT (SELECT COUNT(*) FROM depots) AS depots, (SELECT COUNT(*) FROM parts) AS parts,
                       (SELECT COUNT(*) FROM repair_orders) AS repair_orders, (SELECT COUNT(*) FROM ledger) AS ledger
                """).mapToMap().one());
    }
}
