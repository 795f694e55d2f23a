package org.spares.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.spares.domain.DomainException;


class PageTest {
    @Test
    void cursorRoundTripsAndExtraRowOnlySignalsMore() {
        Page<Long> page = Page.of(List.of(1L, 2L, 3L), 2, id -> id, id -> id * 10);
        assertThat(page.items()).containsExactly(10L, 20L);
        assertThat(Page.after(page.nextCursor())).isEqualTo(2);
        Page<Long> last = Page.of(List.of(4L), 2, id -> id, id -> id);
        assertThat(last.nextCursor()).isNull();
        assertThat(Page.after(null)).isZero();
    }

    @Test
    void rejectsForeignCursorsAndLimitsOutOfRange() {
        assertThatThrownBy(() -> Page.after("not-base64!")).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> Page.after("eDox")).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> Page.limit(0)).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> Page.limit(501)).isInstanceOf(DomainException.class);
        assertThat(Page.limit(null)).isEqualTo(50);
    }
}
