package org.spares.jobs;

import io.dropwizard.lifecycle.Managed;
import io.dropwizard.lifecycle.setup.LifecycleEnvironment;
import java.time.Clock;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spares.domain.OptimizationStatus;
import org.spares.service.Instances;
import org.spares.service.OptimizationRunner;

/**
 * Runs optimizations in the background, one at a time (a solve is CPU-bound and the synchronous solves have their
 * own limit), from a bounded queue held in this instance's memory. A run left QUEUED or RUNNING by an instance
 * that stopped or crashed can never finish, so it is marked FAILED: at start, and then every few seconds
 * ({@link #failOrphans}), for every run whose owner (the instance that queued it) is neither this one nor one whose
 * heartbeat is fresh. Runs of other live instances on the same database are left alone. {@link #health()} tells
 * whether the worker could run and record its last run; a run that ended FAILED (infeasible data, say) was still
 * run and recorded.
 */
public class OptimizationJob implements Managed {
    private static final Logger LOG = LoggerFactory.getLogger(OptimizationJob.class);
    private static final int QUEUE = 1000;

    private final OptimizationRunner runner;
    private final Instances instances;
    private final String self;
    private final ExecutorService executor;
    private final JobHealth health = new JobHealth(Clock.systemUTC(), null);

    /**
     * {@code executor} runs the solves: one thread, a bounded queue, this job's alone. {@code self} is this
     * instance's heartbeat id; {@code instances} tells which others are alive.
     */
    public OptimizationJob(OptimizationRunner runner, Instances instances, String self, ExecutorService executor) {
        this.runner = runner;
        this.instances = instances;
        this.self = self;
        this.executor = executor;
    }

    /** Builds the job's executor in the lifecycle (one daemon thread, a bounded queue) and manages the job. */
    public static OptimizationJob managed(LifecycleEnvironment lifecycle, OptimizationRunner runner,
            Instances instances, String self) {
        ExecutorService executor = lifecycle.executorService("optimization-run", runnable -> {
            Thread thread = new Thread(runnable, "optimization-run");
            thread.setDaemon(true);
            return thread;
        }).minThreads(1).maxThreads(1).workQueue(new ArrayBlockingQueue<>(QUEUE)).build();
        OptimizationJob job = new OptimizationJob(runner, instances, self, executor);
        lifecycle.manage(job);
        return job;
    }

    @Override
    public void start() {
        failOrphans();
    }

    /**
     * Interrupts a running solve, which makes the runner record the run as FAILED ("the service stopped"); this
     * stops before Dropwizard's own executor manager, whose plain shutdown would let a solve run to its limit.
     */
    @Override
    public void stop() throws InterruptedException {
        executor.shutdownNow();
        if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
            LOG.warn("an optimization run did not stop within 10 s");
        }
    }

    /** For the admin port's health checks. */
    public JobHealth health() {
        return health;
    }

    /** Queues a run that was just created (its transaction committed). */
    public void submit(long id) {
        try {
            executor.execute(() -> runQuietly(id));
        } catch (RejectedExecutionException full) {
            runner.end(id, OptimizationStatus.FAILED, "UNAVAILABLE",
                    "too many optimization runs are queued; start it again later");
        }
    }

    /**
     * Marks FAILED every QUEUED or RUNNING run whose owner is neither this instance nor a live one (heartbeat
     * within {@link Instances#FRESH_FOR}), and frees its depots; returns how many. A run that cannot be marked is
     * logged with its id and skipped, so it does not keep the others (or the server's start) from going on. On the
     * real clock, as the heartbeats are written.
     */
    public int failOrphans() {
        Set<String> live = new HashSet<>();
        live.add(self);
        instances.running(Clock.systemUTC().instant()).forEach(instance -> live.add(instance.id()));
        int failed = 0;
        for (long id : runner.orphans(live)) {
            try {
                if (runner.end(id, OptimizationStatus.FAILED, "INTERRUPTED", "the service instance that queued this"
                        + " run stopped before finishing it; start it again")) {
                    failed++;
                }
            } catch (RuntimeException failure) {
                LOG.error("optimization {} could not be marked FAILED after its instance stopped; skipped", id,
                        failure);
            }
        }
        if (failed > 0) {
            LOG.warn("marked {} optimization runs of stopped instances FAILED", failed);
        }
        return failed;
    }

    private void runQuietly(long id) {
        try {
            OptimizationRunner.Result result = runner.run(id);
            LOG.info("optimization {} ended: {}", id, result);
            health.succeeded();
        } catch (RuntimeException failure) {
            health.failed(failure);
            // The runner records failures itself; this only keeps the worker thread alive.
            LOG.error("optimization {} could not be recorded", id, failure);
        }
    }
}
