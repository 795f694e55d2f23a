package org.spares.domain;

import java.time.Instant;

/** One change of a position's stock policy, kept forever: who, when, old and new values, why, and from where. */
public record PolicyChange(long id, String depot, String sku, Instant at, long actorId, String actor,
        int oldTargetLevel, int newTargetLevel, int oldReorderPoint, int newReorderPoint, String reason,
        PolicySource source, Long optimizationId) {
}
