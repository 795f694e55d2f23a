package org.spares.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.Executors;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.spares.db.InstanceDao;
import org.spares.domain.Lifecycle;
import org.spares.service.Instances;
import org.spares.support.TestDatabase;
import org.spares.support.TestServices;


/** A running server's heartbeat row: fresh while it runs, gone after a clean stop, ignored once stale. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InstanceHeartbeatTest {
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00.123456Z");

    private TestDatabase database;
    private Jdbi jdbi;
    private Instances instances;

    @BeforeAll
    void migrate() {
        database = TestDatabase.fresh();
        jdbi = database.migratedJdbi();
        instances = new Instances(TestServices.transactions(jdbi));
    }

    @AfterAll
    void drop() {
        database.drop();
    }

    @Test
    void aServerIsRunningFromStartToStop() throws Exception {
        InstanceHeartbeat heartbeat = new InstanceHeartbeat(instances, "heartbeat-test", Clock.fixed(NOW, ZoneOffset.UTC),
                Executors.newSingleThreadScheduledExecutor());
        heartbeat.start();
        try {
            assertThat(instances.running(NOW)).singleElement().satisfies(instance -> {
                assertThat(instance.host()).contains("pid " + ProcessHandle.current().pid());
                assertThat(instance.seenAt()).isEqualTo(NOW);
            });
            assertThat(instances.running(NOW.plus(Instances.FRESH_FOR).plusSeconds(1)))
                    .as("a server killed without a stop stops counting once its beat is stale").isEmpty();
        } finally {
            heartbeat.stop();
        }
        assertThat(instances.running(NOW)).isEmpty();
    }

    @Test
    void aStartPurgesRowsOfServersKilledLongAgo() throws Exception {
        Instant dayAgo = NOW.minusSeconds(2 * 86_400);
        jdbi.useExtension(InstanceDao.class, instances -> instances.beat("killed", "elsewhere", dayAgo, dayAgo));
        InstanceHeartbeat heartbeat = new InstanceHeartbeat(instances, "heartbeat-test", Clock.fixed(NOW, ZoneOffset.UTC),
                Executors.newSingleThreadScheduledExecutor());
        heartbeat.start();
        heartbeat.stop();
        long rows = jdbi.withHandle(handle -> handle.createQuery("SELECT COUNT(*) FROM instances")
                .mapTo(Long.class).one());
        assertThat(rows).isZero();
    }
}
