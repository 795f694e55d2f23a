package org.spares.jobs;

import io.dropwizard.lifecycle.Managed;
import io.dropwizard.lifecycle.setup.LifecycleEnvironment;
import io.dropwizard.util.Duration;
import java.time.Clock;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one pass of background work at a fixed delay on an executor of its own that Dropwizard's lifecycle built and
 * manages, from the server's start to its stop. A pass that throws is logged and the schedule goes on: a
 * {@link ScheduledExecutorService} would otherwise cancel the task for good, silently. Each pass's outcome goes to
 * the job's {@link #health()}, unhealthy after a failed pass or {@link #SILENT_INTERVALS} intervals without a success.
 */
public final class ScheduledJob implements Managed {
    private static final Logger LOG = LoggerFactory.getLogger(ScheduledJob.class);
    /** How long a stop waits for a running pass before interrupting it (passes check between items). */
    private static final long STOP_WAIT_SECONDS = 10;
    /** A pass may be slow or skipped now and then; this many intervals without a success is a stuck job. */
    static final int SILENT_INTERVALS = 3;

    private final String name;
    private final ScheduledExecutorService executor;
    private final Duration interval;
    private final Runnable pass;
    private final JobHealth health;
    private ScheduledFuture<?> scheduled;

    ScheduledJob(String name, ScheduledExecutorService executor, Duration interval, Runnable pass) {
        this.name = name;
        this.executor = executor;
        this.interval = interval;
        this.pass = pass;
        this.health = new JobHealth(Clock.systemUTC(), interval.toJavaDuration().multipliedBy(SILENT_INTERVALS));
    }

    /** Builds the job's executor in the lifecycle (daemon threads named after the job) and manages the job. */
    public static ScheduledJob every(LifecycleEnvironment lifecycle, String name, Duration interval, Runnable pass) {
        ScheduledExecutorService executor = lifecycle.scheduledExecutorService(name + "-%d", true).build();
        ScheduledJob job = new ScheduledJob(name, executor, interval, pass);
        lifecycle.manage(job);
        return job;
    }

    @Override
    public void start() {
        long every = interval.toMilliseconds();
        scheduled = executor.scheduleWithFixedDelay(this::runPass, every, every, TimeUnit.MILLISECONDS);
    }

    /**
     * Stops before Dropwizard's own executor manager does (managed objects stop in reverse order), so a long pass
     * gets the same grace as before and is then interrupted; the manager's shutdown afterwards finds nothing left.
     */
    @Override
    public void stop() throws InterruptedException {
        if (scheduled != null) {
            scheduled.cancel(false);
        }
        executor.shutdown();
        if (!executor.awaitTermination(STOP_WAIT_SECONDS, TimeUnit.SECONDS)) {
            executor.shutdownNow();
        }
    }

    /** The job's name, as its threads and its health check are named. */
    public String name() {
        return name;
    }

    /** For the admin port's health checks. */
    public JobHealth health() {
        return health;
    }

    void runPass() {
        try {
            pass.run();
            health.succeeded();
        } catch (RuntimeException failure) {
            health.failed(failure);
            LOG.warn("{} failed; it runs again in {}", name, interval, failure);
        }
    }
}
