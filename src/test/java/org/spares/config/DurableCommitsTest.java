package org.spares.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import org.junit.jupiter.api.Test;


/** H2 file URLs always get WRITE_DELAY=0; a delay is refused; memory and remote URLs are left alone. */
class DurableCommitsTest {
    @Test
    void fileUrlWithoutWriteDelayGetsZero() {
        assertThat(DurableCommits.h2Url("jdbc:h2:file:./data/spares;MODE=MySQL;AUTO_SERVER=TRUE"))
                .isEqualTo("jdbc:h2:file:./data/spares;MODE=MySQL;AUTO_SERVER=TRUE;WRITE_DELAY=0");
        assertThat(DurableCommits.h2Url("jdbc:h2:./data/spares")).isEqualTo("jdbc:h2:./data/spares;WRITE_DELAY=0");
    }

    @Test
    void zeroIsKeptAndADelayIsRefused() {
        assertThat(DurableCommits.h2Url("jdbc:h2:file:./x;write_delay=0;MODE=MySQL"))
                .isEqualTo("jdbc:h2:file:./x;write_delay=0;MODE=MySQL");
        assertThatThrownBy(() -> DurableCommits.h2Url("jdbc:h2:file:./x;WRITE_DELAY=500"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("WRITE_DELAY=500");
    }

    @Test
    void memoryAndRemoteUrlsAreLeftAlone() {
        assertThat(DurableCommits.h2Url("jdbc:h2:mem:x;DB_CLOSE_DELAY=-1")).isEqualTo("jdbc:h2:mem:x;DB_CLOSE_DELAY=-1");
        assertThat(DurableCommits.h2Url("jdbc:h2:tcp://127.0.0.1:9092/x")).isEqualTo("jdbc:h2:tcp://127.0.0.1:9092/x");
    }
}
