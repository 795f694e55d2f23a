package org.spares.pages;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.spares.domain.DomainException;
import org.spares.domain.ErrorCode;
import org.spares.domain.ListOrder;
import org.spares.domain.Position;

/**
 * The stock table's order and its next page: by sku (A to Z) or by units on hand (fewest or most first), continued
 * after the last row's key and id, the API's keyset cursor in plain query fields.
 */
record StockTable(String sort, ListOrder order) {
    private static final Map<String, ListOrder> SORTS = Map.of(
            "sku", new ListOrder("sku", false, null, null),
            "onHand", new ListOrder("onHand", false, null, null),
            "-onHand", new ListOrder("onHand", true, null, null));

    static StockTable of(String sort, String after, Long afterId) {
        String chosen = sort == null || sort.isBlank() ? "sku" : sort;
        ListOrder first = SORTS.get(chosen);
        if (first == null) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "sort must be sku, onHand or -onHand",
                    Map.of("field", "sort"));
        }
        if (afterId == null) {
            return new StockTable(chosen, first);
        }
        Object key = first.field().equals("sku") ? after : Long.valueOf(number(after));
        return new StockTable(chosen, first.after(key, afterId));
    }

    /** The query fields that continue after this row. */
    String next(Position last) {
        String key = order.field().equals("sku") ? last.sku() : Integer.toString(last.onHand());
        return "sort=" + sort + "&after=" + URLEncoder.encode(key, StandardCharsets.UTF_8) + "&afterId=" + last.id();
    }

    private static long number(String after) {
        try {
            return Long.parseLong(after);
        } catch (NumberFormatException | NullPointerException bad) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "after must be a whole number for this sort",
                    Map.of("field", "after"));
        }
    }
}
