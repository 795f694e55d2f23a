package org.spares.domain;

import java.util.Objects;

/** Who made a change and in which request: written on every ledger row, state change and policy change. */
public record Actor(long userId, String name, String requestId) {
    public static final Actor SYSTEM = new Actor(0, "system", "-");

    public Actor {
        Objects.requireNonNull(name);
        Objects.requireNonNull(requestId);
    }

    /** A background job acting for no user, tagged with what it is. */
    public static Actor system(String job) {
        return new Actor(0, "system:" + job, "-");
    }
}
