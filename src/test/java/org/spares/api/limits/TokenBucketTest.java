package org.spares.api.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;


/** The bucket on a clock the test moves: full at the start, refilled at the rate, never above the burst. */
class TokenBucketTest {
    private static final long SECOND = 1_000_000_000L;
    private final AtomicLong now = new AtomicLong(42);

    @Test
    void startsFullThenPacesAtTheRate() {
        TokenBucket bucket = new TokenBucket(2, 3, now::get);
        for (int request = 0; request < 3; request++) {
            assertThat(bucket.take()).isZero();
        }
        assertThat(bucket.take()).as("wait for the next token").isEqualTo(SECOND / 2);
        now.addAndGet(SECOND / 2);
        assertThat(bucket.take()).isZero();
        assertThat(bucket.take()).isPositive();
    }

    @Test
    void idleTimeRefillsOnlyUpToTheBurst() {
        TokenBucket bucket = new TokenBucket(10, 5, now::get);
        for (int request = 0; request < 5; request++) {
            bucket.take();
        }
        now.addAndGet(3600 * SECOND);
        int granted = 0;
        while (bucket.take() == 0) {
            granted++;
        }
        assertThat(granted).isEqualTo(5);
    }

    @Test
    void refusesANonsenseConfiguration() {
        assertThatThrownBy(() -> new TokenBucket(0, 5, now::get)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TokenBucket(1, 0, now::get)).isInstanceOf(IllegalArgumentException.class);
    }
}
