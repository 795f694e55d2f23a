package org.spares.api;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import org.spares.domain.DomainException;
import org.spares.domain.ErrorCode;
import org.spares.domain.ListOrder;

/**
 * The fields a list may be sorted by ({@code ?sort=field} or {@code ?sort=-field}; id always, and the default) and
 * how to read each one's key from a row, for the cursor. A sorted list's cursor carries the sort, the last row's
 * key and its id, so the next page starts exactly after that row even when many rows share the key; a list sorted
 * by id keeps the plain id cursor of {@link Page}.
 *
 * @param <R> the row type of the list
 */
public final class Sorts<R> {
    private final Map<String, Function<R, Object>> keys;

    private Sorts(Map<String, Function<R, Object>> keys) {
        this.keys = keys;
    }

    /** Only by id. */
    public static <R> Sorts<R> byIdOnly() {
        return new Sorts<>(Map.of());
    }

    /** By id, or one of these fields; a key is an integer, an {@link Instant} or text, and never null. */
    public static <R> Sorts<R> of(Map<String, Function<R, Object>> keys) {
        return new Sorts<>(Map.copyOf(keys));
    }

    public List<String> fields() {
        List<String> names = new ArrayList<>(keys.keySet());
        names.sort(null);
        names.add(0, ListOrder.ID);
        return names;
    }

    /** The order asked for and, from the cursor, where its page starts; 400 naming sort or cursor. */
    public ListOrder order(String sort, String cursor) {
        ListOrder order = parse(Requests.blankToNull(sort));
        if (cursor == null || cursor.isEmpty()) {
            return order;
        }
        if (ListOrder.ID.equals(order.field()) && !order.descending() && !cursor(cursor).startsWith("s:")) {
            return order.after(null, Page.after(cursor));
        }
        return continued(order, cursor(cursor));
    }

    /** A page from {@code limit + 1} fetched rows, its cursor carrying this order. */
    public <T> Page<T> page(List<R> fetched, int limit, ListOrder order, ToLongFunction<R> id, Function<R, T> view) {
        boolean more = fetched.size() > limit;
        List<R> rows = more ? fetched.subList(0, limit) : fetched;
        String next = null;
        if (more) {
            R last = rows.get(rows.size() - 1);
            next = encode(order, key(order, last), id.applyAsLong(last));
        }
        return new Page<>(rows.stream().map(view).toList(), next);
    }

    /** The row's sort key as the database compares it (integers as Long). */
    public Object key(ListOrder order, R row) {
        if (ListOrder.ID.equals(order.field())) {
            return null;
        }
        Object key = keys.get(order.field()).apply(row);
        return key instanceof Integer number ? Long.valueOf(number) : key;
    }

    private ListOrder parse(String sort) {
        if (sort == null) {
            return ListOrder.byId();
        }
        boolean descending = sort.startsWith("-");
        String field = descending ? sort.substring(1) : sort;
        if (!ListOrder.ID.equals(field) && !keys.containsKey(field)) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("field", "sort");
            details.put("allowed", fields());
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "sort must be one of " + fields()
                    + ", each optionally with a leading - for descending", details);
        }
        return new ListOrder(field, descending, null, null);
    }

    private static String encode(ListOrder order, Object key, long id) {
        if (ListOrder.ID.equals(order.field()) && !order.descending()) {
            return Page.encode(id);
        }
        String kind = key instanceof Long ? "n" : key instanceof Instant ? "i" : "t";
        String text = "s:" + order.field() + ":" + (order.descending() ? "d" : "a") + ":" + id + ":" + kind + ":"
                + (key == null ? "" : key.toString());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String cursor(String cursor) {
        try {
            return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            throw foreign();
        }
    }

    private static ListOrder continued(ListOrder order, String text) {
        String[] parts = text.split(":", 6);
        if (parts.length != 6 || !parts[0].equals("s") || !parts[1].equals(order.field())
                || !parts[2].equals(order.descending() ? "d" : "a")) {
            throw foreign();
        }
        try {
            long id = Long.parseLong(parts[3]);
            if (ListOrder.ID.equals(order.field())) {
                return order.after(null, id);
            }
            Object key = switch (parts[4]) {
                case "n" -> Long.valueOf(parts[5]);
                case "i" -> Instant.parse(parts[5]);
                case "t" -> parts[5];
                default -> throw foreign();
            };
            return order.after(key, id);
        } catch (NumberFormatException | DateTimeParseException malformed) {
            throw foreign();
        }
    }

    private static DomainException foreign() {
        return new DomainException(ErrorCode.VALIDATION_FAILED,
                "cursor is not one this service gave out for this sort", Map.of("field", "cursor"));
    }
}
