package org.spares.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.spares.config.DatabaseSetup;
import org.spares.support.TestDatabase;

/**
 * Four migrations at once in one JVM on an empty database (apps of a test, a command beside a server in one process):
 * every one applies the changelog without failing, and each changeset is applied once. They used to fail ("already
 * exists": Liquibase's lock does not cover its own tables) or hang with Liquibase's lock row left held
 * (DatabaseSetup.migrate). Instances in separate processes retry instead: docs/RELIABILITY.md.
 */
class ConcurrentMigrationTest {
    @Test
    void fourInstancesMigratingAnEmptyDatabaseAtOnceAllStart() throws Exception {
        TestDatabase database = TestDatabase.fresh();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CyclicBarrier together = new CyclicBarrier(4);
        try {
            List<Future<?>> starts = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                starts.add(pool.submit(() -> {
                    together.await();
                    DatabaseSetup.migrate(database.dataSource());
                    return null;
                }));
            }
            for (Future<?> start : starts) {
                start.get(2, TimeUnit.MINUTES);
            }
            Jdbi jdbi = Jdbi.create(database.url(), database.user(), database.password());
            long applied = jdbi.withHandle(handle -> handle.createQuery("SELECT COUNT(*) FROM DATABASECHANGELOG")
                    .mapTo(Long.class).one());
            long distinct = jdbi.withHandle(handle -> handle.createQuery(
                    "SELECT COUNT(DISTINCT id) FROM DATABASECHANGELOG").mapTo(Long.class).one());
            assertThat(applied).isPositive().isEqualTo(distinct);
            long parts = jdbi.withHandle(handle -> handle.createQuery("SELECT COUNT(*) FROM parts")
                    .mapTo(Long.class).one());
            assertThat(parts).isZero();
        } finally {
            pool.shutdownNow();
            database.drop();
        }
    }
}
