package org.spares.jobs;

import io.dropwizard.lifecycle.Managed;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spares.domain.ServerInstance;
import org.spares.service.Instances;

/**
 * Keeps this server's row in {@code instances} fresh while it runs (written on start and every {@link #INTERVAL}),
 * and deletes it on a clean stop, so a command can tell that a server is using the database: a lock file would
 * only work for H2 on one machine, a row works on every database and host.
 */
public class InstanceHeartbeat implements Managed {
    public static final Duration INTERVAL = Duration.ofSeconds(3);
    /** Rows of killed servers are kept this long (harmless, stale) and then purged on a start. */
    private static final Duration KEEP_STALE = Duration.ofDays(1);
    private static final Logger LOG = LoggerFactory.getLogger(InstanceHeartbeat.class);

    private final Instances instances;
    private final Clock clock;
    private final ScheduledExecutorService executor;
    private final String id;
    private final String host = describeHost();
    private Instant startedAt;

    /**
     * {@code id} is this instance's (the owner stamped on the optimization runs it queues); {@code executor} is this
     * heartbeat's own (in the service, one Dropwizard's lifecycle built).
     */
    public InstanceHeartbeat(Instances instances, String id, Clock clock, ScheduledExecutorService executor) {
        this.instances = instances;
        this.id = id;
        this.clock = clock;
        this.executor = executor;
    }

    @Override
    public void start() {
        startedAt = clock.instant();
        beatQuietly(true);
        long every = INTERVAL.toMillis();
        executor.scheduleWithFixedDelay(() -> beatQuietly(false), every, every, TimeUnit.MILLISECONDS);
    }

    /** Ends the beats before deleting the row (a late beat would write it back), ahead of Dropwizard's own stop. */
    @Override
    public void stop() throws InterruptedException {
        executor.shutdown();
        executor.awaitTermination(10, TimeUnit.SECONDS);
        try {
            instances.remove(id);
        } catch (RuntimeException failure) {
            // The row goes stale within Instances.FRESH_FOR anyway; a stop must not fail for it.
            LOG.warn("could not remove this server's heartbeat row: {}", failure.toString());
        }
    }

    /** The first beat also purges rows of servers killed long ago. */
    private void beatQuietly(boolean first) {
        try {
            instances.beat(new ServerInstance(id, host, startedAt, clock.instant()),
                    first ? startedAt.minus(KEEP_STALE) : null);
        } catch (RuntimeException failure) {
            // The next beat tries again; the server itself does not depend on its heartbeat.
            LOG.warn("heartbeat failed: {}", failure.toString());
        }
    }

    private static String describeHost() {
        String name;
        try {
            name = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException unknown) {
            name = "unknown host";
        }
        return name + ", pid " + ProcessHandle.current().pid();
    }
}
