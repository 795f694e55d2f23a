package org.spares.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import com.codahale.metrics.health.HealthCheck.Result;
import io.dropwizard.util.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.spares.support.MutableClock;


/**
 * A job's health: unhealthy with its error after a failed pass, healthy again after the next success, and
 * unhealthy when a scheduled job has not succeeded for several intervals (an on-demand job may idle).
 */
class JobHealthTest {
    @Test
    void aFailedPassShowsUnhealthyWithItsErrorAndASuccessRecovers() {
        AtomicBoolean failing = new AtomicBoolean(true);
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
        try {
            ScheduledJob job = new ScheduledJob("flaky", executor, Duration.seconds(10), () -> {
                if (failing.get()) {
                    throw new IllegalStateException("database is down");
                }
            });
            assertThat(job.health().execute().isHealthy()).as("not run yet").isTrue();

            job.runPass();
            Result failed = job.health().execute();
            assertThat(failed.isHealthy()).isFalse();
            assertThat(failed.getMessage()).contains("database is down");
            assertThat(failed.getDetails()).containsEntry("lastError",
                    "java.lang.IllegalStateException: database is down").containsEntry("lastSuccess", "never");

            failing.set(false);
            job.runPass();
            Result recovered = job.health().execute();
            assertThat(recovered.isHealthy()).isTrue();
            assertThat(recovered.getMessage()).startsWith("last success at");
            assertThat(recovered.getDetails()).as("the last error stays visible")
                    .containsEntry("lastError", "java.lang.IllegalStateException: database is down");
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void aScheduledJobSilentForTooLongIsUnhealthyAndAnOnDemandOneIsNot() {
        MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
        JobHealth scheduled = new JobHealth(clock, java.time.Duration.ofSeconds(30));
        JobHealth onDemand = new JobHealth(clock, null);
        scheduled.succeeded();
        clock.advance(java.time.Duration.ofSeconds(30));
        assertThat(scheduled.execute().isHealthy()).isTrue();
        clock.advance(java.time.Duration.ofSeconds(1));
        assertThat(scheduled.execute().isHealthy()).isFalse();
        assertThat(scheduled.execute().getMessage()).isEqualTo("no successful run since 2026-01-01T00:00:00Z");
        clock.advance(java.time.Duration.ofDays(30));
        assertThat(onDemand.execute().isHealthy()).isTrue();
    }
}
