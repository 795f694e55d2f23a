package org.spares.api;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import org.spares.domain.DomainException;
import org.spares.domain.ErrorCode;

/**
 * A page of a list (docs/REFERENCE.md "Lists, CSV and content types"): items plus an opaque cursor for the next page, or null at the end. A list in id
 * order has the last id seen as its cursor, so new rows never shift a page a client is walking; a list sorted by
 * another field has a cursor of {@link Sorts}, which adds the last row's key.
 */
public record Page<T>(List<T> items, String nextCursor) {
    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;

    public Page {
        items = List.copyOf(items);
    }

    /** Builds a page from {@code limit + 1} fetched rows: the extra row only says that more exist. */
    public static <R, T> Page<T> of(List<R> fetched, int limit, ToLongFunction<R> id, Function<R, T> view) {
        boolean more = fetched.size() > limit;
        List<R> rows = more ? fetched.subList(0, limit) : fetched;
        String next = more ? encode(id.applyAsLong(rows.get(rows.size() - 1))) : null;
        return new Page<>(rows.stream().map(view).toList(), next);
    }

    public static int limit(Integer requested) {
        if (requested == null) {
            return DEFAULT_LIMIT;
        }
        if (requested < 1 || requested > MAX_LIMIT) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "limit must be between 1 and " + MAX_LIMIT,
                    Map.of("field", "limit"));
        }
        return requested;
    }

    /** The id after which the page starts; 0 for the first page. */
    public static long after(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return 0;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (!text.startsWith("id:")) {
                throw new IllegalArgumentException("not a cursor");
            }
            long id = Long.parseLong(text.substring(3));
            if (id < 0) {
                throw new IllegalArgumentException("negative");
            }
            return id;
        } catch (IllegalArgumentException malformed) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "cursor is not one this service gave out",
                    Map.of("field", "cursor"));
        }
    }

    /** For a list newest first: the id below which the page starts; {@code Long.MAX_VALUE} for the first page. */
    public static long before(String cursor) {
        return cursor == null || cursor.isEmpty() ? Long.MAX_VALUE : after(cursor);
    }

    public static String encode(long lastId) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("id:" + lastId).getBytes(StandardCharsets.UTF_8));
    }
}
