package org.spares.jobs;

import io.dropwizard.lifecycle.Managed;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spares.db.InstanceDao;
import org.spares.db.InstanceDao.Instance;

/**
 * Keeps this server's row in {@code instances} fresh while it runs (written on start and every {@link #INTERVAL}),
 * and deletes it on a clean stop, so a command can tell that a server is using the database: a lock file would
 * only work for H2 on one machine, a row works on every database and host.
 */
public class InstanceHeartbeat implements Managed {
    public static final Duration INTERVAL = Duration.ofSeconds(3);
    /**
     * Five beats: a long GC pause or a database blip does not make a running server look gone. Short, because a
     * row can outlive its server by this much: a killed server never deletes it, and neither does one on H2
     * stopped by a signal (H2's own shutdown hook closes the database before Dropwizard stops this job).
     */
    public static final Duration FRESH_FOR = Duration.ofSeconds(15);
    /** Rows of killed servers are kept this long (harmless, stale) and then purged on a start. */
    private static final Duration KEEP_STALE = Duration.ofDays(1);
    private static final Logger LOG = LoggerFactory.getLogger(InstanceHeartbeat.class);

    private final Jdbi jdbi;
    private final Clock clock;
    private final ScheduledExecutorService executor;
    private final String id = UUID.randomUUID().toString();
    private final String host = describeHost();
    private Instant startedAt;

    /** {@code executor} is this heartbeat's own (in the service, one Dropwizard's lifecycle built). */
    public InstanceHeartbeat(Jdbi jdbi, Clock clock, ScheduledExecutorService executor) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.executor = executor;
    }

    /** Servers whose heartbeat is fresh at {@code now}: those that are using the database. */
    public static List<Instance> running(Jdbi jdbi, Instant now) {
        return jdbi.withExtension(InstanceDao.class, instances -> instances.seenSince(now.minus(FRESH_FOR)));
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
            jdbi.useExtension(InstanceDao.class, instances -> instances.delete(id));
        } catch (RuntimeException failure) {
            // The row goes stale within FRESH_FOR anyway; a stop must not fail for it.
            LOG.warn("could not remove this server's heartbeat row: {}", failure.toString());
        }
    }

    /** The first beat also purges rows of servers killed long ago. */
    private void beatQuietly(boolean first) {
        try {
            jdbi.useExtension(InstanceDao.class, instances -> {
                if (first) {
                    instances.deleteSeenBefore(startedAt.minus(KEEP_STALE));
                }
                instances.beat(id, host, startedAt, clock.instant());
            });
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
