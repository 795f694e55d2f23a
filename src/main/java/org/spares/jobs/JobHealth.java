package org.spares.jobs;

import com.codahale.metrics.health.HealthCheck;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * A background job's health, beside the database's on the admin port's /healthcheck: its last success and its last
 * error (message and time). Unhealthy while the last run failed, and, for a job that runs on a schedule, when no run
 * has succeeded for {@code silenceAllowed} (several intervals) since the last success or, before any, since the
 * start. A job that runs only on demand (the optimization worker) has no such limit: idle is healthy.
 */
public final class JobHealth extends HealthCheck {
    private final Clock clock;
    private final Duration silenceAllowed;
    private final Instant createdAt;
    private Instant lastSuccess;
    private Instant lastErrorAt;
    private String lastError;
    private boolean lastFailed;

    /** @param silenceAllowed how long without a success is still healthy; null for a job that runs on demand */
    public JobHealth(Clock clock, Duration silenceAllowed) {
        this.clock = clock;
        this.silenceAllowed = silenceAllowed;
        this.createdAt = clock.instant();
    }

    public synchronized void succeeded() {
        lastSuccess = clock.instant();
        lastFailed = false;
    }

    /** The message only, never a stack trace: /healthcheck is read by monitoring, not by a developer. */
    public synchronized void failed(Throwable failure) {
        lastErrorAt = clock.instant();
        lastError = failure.toString();
        lastFailed = true;
    }

    @Override
    protected synchronized Result check() {
        ResultBuilder result = Result.builder()
                .withDetail("lastSuccess", lastSuccess == null ? "never" : lastSuccess.toString())
                .withDetail("lastError", lastError == null ? "none" : lastError)
                .withDetail("lastErrorAt", lastErrorAt == null ? "never" : lastErrorAt.toString());
        if (lastFailed) {
            return result.unhealthy().withMessage("the last run failed at %s: %s", lastErrorAt, lastError).build();
        }
        Instant since = lastSuccess == null ? createdAt : lastSuccess;
        if (silenceAllowed != null && Duration.between(since, clock.instant()).compareTo(silenceAllowed) > 0) {
            return result.unhealthy().withMessage("no successful run since %s", since).build();
        }
        return result.healthy().withMessage(lastSuccess == null ? "not run yet" : "last success at " + lastSuccess)
                .build();
    }
}
