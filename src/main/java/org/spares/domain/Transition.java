package org.spares.domain;

import java.util.Objects;

/**
 * A move of a status that its enum's rules allow. DAOs take one to move a status, so an illegal move fails here, in
 * Java, before any SQL runs; the SQL still moves only from {@code from} (the row's status may have changed since).
 */
public record Transition<S extends Enum<S> & Lifecycle<S>>(S from, S to) {
    public Transition {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!from.canBecome(to)) {
            throw new IllegalArgumentException(from + " cannot become " + to);
        }
    }

    public static <S extends Enum<S> & Lifecycle<S>> Transition<S> of(S from, S to) {
        return new Transition<>(from, to);
    }

    /** The names as stored, for DAOs to bind ({@code :move.fromName}): Jdbi cannot bind a type variable's enum. */
    public String fromName() {
        return from.name();
    }

    public String toName() {
        return to.name();
    }
}
