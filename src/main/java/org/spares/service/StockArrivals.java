package org.spares.service;

import org.jdbi.v3.core.Handle;
import org.spares.domain.Actor;

/**
 * Told, inside the same transaction, whenever a position's available units went up (receipt, count up, transfer in,
 * release, expiry, cancelled transfer), so waiting backorders can be filled before that transaction commits.
 */
@FunctionalInterface
public interface StockArrivals {
    StockArrivals NONE = (handle, positionId, actor) -> { };

    void arrived(Handle handle, long positionId, Actor actor);
}
