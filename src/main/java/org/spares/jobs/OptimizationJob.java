package org.spares.jobs;

import io.dropwizard.lifecycle.Managed;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spares.domain.OptimizationStatus;
import org.spares.service.OptimizationRunner;

/**
 * Runs optimizations in the background, one at a time (a solve is CPU-bound and the synchronous solves have their
 * own limit), from a bounded queue. At start, a run left QUEUED or RUNNING by a stop or crash is marked FAILED:
 * this process was the only one that could have been running it.
 */
public class OptimizationJob implements Managed {
    private static final Logger LOG = LoggerFactory.getLogger(OptimizationJob.class);
    private static final int QUEUE = 1000;

    private final OptimizationRunner runner;
    private ThreadPoolExecutor executor;

    public OptimizationJob(OptimizationRunner runner) {
        this.runner = runner;
    }

    @Override
    public void start() {
        int failed = failInterrupted();
        if (failed > 0) {
            LOG.warn("marked {} optimization runs left queued or running by a restart as FAILED", failed);
        }
        executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(QUEUE),
                runnable -> {
                    Thread thread = new Thread(runnable, "optimization-run");
                    thread.setDaemon(true);
                    return thread;
                });
    }

    @Override
    public void stop() throws InterruptedException {
        // Interrupting a solve makes the runner record the run as FAILED ("the service stopped").
        executor.shutdownNow();
        if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
            LOG.warn("an optimization run did not stop within 10 s");
        }
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

    /** Marks every QUEUED or RUNNING run FAILED and frees its depots; returns how many. */
    public int failInterrupted() {
        List<Long> active = runner.active();
        int failed = 0;
        for (long id : active) {
            if (runner.end(id, OptimizationStatus.FAILED, "INTERRUPTED",
                    "the service restarted while this run was queued or running; start it again")) {
                failed++;
            }
        }
        return failed;
    }

    private void runQuietly(long id) {
        try {
            OptimizationRunner.Result result = runner.run(id);
            LOG.info("optimization {} ended: {}", id, result);
        } catch (RuntimeException failure) {
            // The runner records failures itself; this only keeps the worker thread alive.
            LOG.error("optimization {} could not be recorded", id, failure);
        }
    }
}
