package org.spares.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.spares.domain.DomainException;
import org.spares.domain.ErrorCode;

/**
 * The history's own checks, the ones bean validation cannot state; the event cap is checked here rather than over
 * HTTP because 100,001 events exceed the default 1 MiB body limit, which answers 413 first.
 */
class ForecastValidationTest {

    @Test
    void moreThanTheCapOfEventsIsRefusedNamingEvents() {
        List<DemandEvent> events = Collections.nCopies(DemandHistory.MAX_EVENTS + 1, new DemandEvent(0, 1));
        assertRefused(() -> new DemandHistory(10, events, 1), "events");
    }

    @Test
    void eventsOutsideTheHistoryOrWithoutUnitsAreRefusedNamingTheEvent() {
        assertRefused(() -> new DemandHistory(10, List.of(new DemandEvent(3, 1), new DemandEvent(10, 1)), 1),
                "events[1].day");
        assertRefused(() -> new DemandHistory(10, List.of(new DemandEvent(-1, 1)), 1), "events[0].day");
        assertRefused(() -> new DemandHistory(10, List.of(new DemandEvent(0, 0)), 1), "events[0].quantity");
        assertRefused(() -> new DemandHistory(6, List.of(), 7), "bucketDays");
        assertRefused(() -> new DemandHistory(0, List.of(), 1), "days");
    }

    @Test
    void aBucketPastTheIntegerRangeIsRefused() {
        DemandHistory history = new DemandHistory(7, List.of(new DemandEvent(0, Integer.MAX_VALUE),
                new DemandEvent(1, 1)), 7);
        assertRefused(history::buckets, "events");
    }

    private static void assertRefused(Runnable construction, String field) {
        assertThatThrownBy(construction::run).isInstanceOfSatisfying(DomainException.class, failure -> {
            assertThat(failure.code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
            assertThat(failure.status()).isEqualTo(400);
            assertThat(failure.details()).containsEntry("field", field);
        });
    }
}
