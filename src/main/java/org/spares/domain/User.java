package org.spares.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** A user as stored: never carries the token, only what the API may show. */
public record User(long id, String name, Role role, List<String> depots, Instant createdAt, Instant revokedAt) {
    public User {
        Objects.requireNonNull(name);
        Objects.requireNonNull(role);
        depots = List.copyOf(depots);
        Objects.requireNonNull(createdAt);
    }

    public boolean revoked() {
        return revokedAt != null;
    }
}
