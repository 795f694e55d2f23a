package org.spares.service;

import java.util.LinkedHashMap;
import java.util.Map;
import org.spares.db.ContentsDao;

/** How much the database holds, by kind: commands that fill an empty database ask first. */
public final class StoreContents {
    private final Transactions transactions;

    public StoreContents(Transactions transactions) {
        this.transactions = transactions;
    }

    /** Depots, parts, repair orders and ledger rows, counted, named as their tables. */
    public Map<String, Object> counts() {
        ContentsDao.Counts counts = transactions.read(handle -> handle.attach(ContentsDao.class).counts());
        Map<String, Object> named = new LinkedHashMap<>();
        named.put("depots", counts.depots());
        named.put("parts", counts.parts());
        named.put("repair_orders", counts.repairOrders());
        named.put("ledger", counts.ledger());
        return named;
    }
}
