package org.spares.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * Where a page of a sorted list starts: the sort field (a name the list allows), its direction, and the last row
 * of the previous page as its sort key and id (the tie-breaker, sorted the same way). The key is a {@link Long}, an
 * {@link Instant} or a {@link String}, or null on the first page; a list sorted by id carries no key.
 */
public record ListOrder(String field, boolean descending, Object afterKey, Long afterId) {
    public static final String ID = "id";

    public ListOrder {
        Objects.requireNonNull(field);
        if (afterKey != null && !(afterKey instanceof Long || afterKey instanceof Instant
                || afterKey instanceof String)) {
            throw new IllegalArgumentException("a sort key is a Long, an Instant or a String");
        }
    }

    /** The default order of a list: by id, ascending, from the start. */
    public static ListOrder byId() {
        return new ListOrder(ID, false, null, null);
    }

    public boolean first() {
        return afterId == null;
    }

    /** The key when it is a number (bound by name in SQL), else null. */
    public Long afterNumber() {
        return afterKey instanceof Long number ? number : null;
    }

    public Instant afterInstant() {
        return afterKey instanceof Instant instant ? instant : null;
    }

    public String afterText() {
        return afterKey instanceof String text ? text : null;
    }

    /** The same order continued after a row with this key and id. */
    public ListOrder after(Object key, long id) {
        return new ListOrder(field, descending, ID.equals(field) ? null : key, id);
    }
}
