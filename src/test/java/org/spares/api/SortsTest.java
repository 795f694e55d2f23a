package org.spares.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.spares.domain.DomainException;
import org.spares.domain.ListOrder;

class SortsTest {
    record Row(long id, String name, int count, Instant at) {
    }

    private static final Sorts<Row> SORTS = Sorts.of(Map.of("name", Row::name, "count", Row::count, "at", Row::at));
    private static final Instant AT = Instant.parse("2026-11-26T10:00:00.123456Z");

    @Test
    void cursorCarriesTheSortTheKeyAndTheId() {
        List<Row> rows = List.of(new Row(4, "b:c", 7, AT), new Row(9, "b:c", 7, AT), new Row(2, "z", 8, AT));
        for (String field : List.of("name", "count", "at", "-name", "-at")) {
            ListOrder order = SORTS.order(field, null);
            Page<Long> page = SORTS.page(rows, 2, order, Row::id, Row::id);
            ListOrder next = SORTS.order(field, page.nextCursor());
            assertThat(next.afterId()).isEqualTo(9);
            assertThat(next.afterKey()).isEqualTo(SORTS.key(order, rows.get(1)));
            assertThat(next.descending()).isEqualTo(field.startsWith("-"));
        }
        assertThat(SORTS.order("count", SORTS.page(rows, 2, SORTS.order("count", null), Row::id, Row::id)
                .nextCursor()).afterNumber()).isEqualTo(7L);
    }

    @Test
    void idOrderKeepsThePlainCursor() {
        Page<Long> page = SORTS.page(List.of(new Row(3, "a", 1, AT), new Row(5, "b", 1, AT)), 1,
                ListOrder.byId(), Row::id, Row::id);
        assertThat(page.nextCursor()).isEqualTo(Page.encode(3));
        assertThat(SORTS.order(null, page.nextCursor()).afterId()).isEqualTo(3);
        assertThat(SORTS.order("-id", SORTS.page(List.of(new Row(5, "b", 1, AT), new Row(3, "a", 1, AT)), 1,
                SORTS.order("-id", null), Row::id, Row::id).nextCursor()).afterId()).isEqualTo(5);
    }

    @Test
    void refusesUnknownFieldsAndCursorsOfAnotherSort() {
        assertThatThrownBy(() -> SORTS.order("colour", null)).isInstanceOf(DomainException.class)
                .hasMessageContaining("[id, at, count, name]");
        String byName = SORTS.page(List.of(new Row(1, "a", 1, AT), new Row(2, "b", 1, AT)), 1,
                SORTS.order("name", null), Row::id, Row::id).nextCursor();
        assertThatThrownBy(() -> SORTS.order("-name", byName)).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> SORTS.order("count", byName)).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> SORTS.order(null, byName)).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> SORTS.order("name", "not-base64!")).isInstanceOf(DomainException.class);
    }
}
