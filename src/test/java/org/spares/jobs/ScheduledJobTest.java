package org.spares.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import com.codahale.metrics.MetricRegistry;
import io.dropwizard.lifecycle.JettyManaged;
import io.dropwizard.lifecycle.setup.LifecycleEnvironment;
import io.dropwizard.util.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;


/** A pass that throws does not end the schedule, and the job runs on an executor the lifecycle manages. */
class ScheduledJobTest {
    @Test
    void aFailedPassIsFollowedByTheNextOne() throws Exception {
        LifecycleEnvironment lifecycle = new LifecycleEnvironment(new MetricRegistry());
        AtomicInteger passes = new AtomicInteger();
        CountDownLatch laterPasses = new CountDownLatch(2);
        ScheduledJob job = ScheduledJob.every(lifecycle, "failing-first", Duration.milliseconds(1), () -> {
            if (passes.incrementAndGet() == 1) {
                throw new IllegalStateException("the first pass fails");
            }
            laterPasses.countDown();
        });
        assertThat(lifecycle.getManagedObjects()).as("the executor's manager and the job").hasSize(2)
                .allSatisfy(managed -> assertThat(managed).isInstanceOf(JettyManaged.class));
        job.start();
        try {
            assertThat(laterPasses.await(10, TimeUnit.SECONDS)).isTrue();
        } finally {
            job.stop();
        }
        assertThat(passes.get()).isGreaterThanOrEqualTo(3);
    }
}
