package org.spares.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.spares.domain.DomainException;
import org.spares.domain.ErrorCode;
import org.spares.support.TestDatabase;


/**
 * Stored answers are bounded (1 MiB here, the default). An optimizer-sized answer of 17 MB, over MariaDB's default
 * max_allowed_packet, is answered on every call and never stored (before, it failed with 500 on MariaDB on every
 * retry and took 17 MB of H2's file for 48 h); a change whose answer is over the bound is refused and rolled back;
 * an answer within it is stored and replayed as before. On H2 and, with SPARES_TEST_DB_URL, MariaDB.
 */
class StoredAnswerLimitTest {
    private static final long LIMIT = 1024 * 1024;
    private static TestDatabase database;
    private static Jdbi jdbi;
    private static Transactions transactions;

    @BeforeAll
    static void migrate() {
        database = TestDatabase.fresh();
        jdbi = database.migratedJdbi();
        transactions = new Transactions(jdbi, 3, Clock.systemUTC(), LIMIT);
    }

    @AfterAll
    static void drop() {
        database.drop();
    }

    @Test
    void aHugeSolveAnswerIsSentEveryTimeAndNeverStored() {
        String plan = "x".repeat(17 * 1024 * 1024);
        AtomicInteger solves = new AtomicInteger();
        for (int call = 0; call < 2; call++) {
            String answer = transactions.outside(key("huge-solve", "solve 1"), () -> {
                solves.incrementAndGet();
                return "{\"plan\":\"" + plan + "\"}";
            });
            assertThat(answer).hasSizeGreaterThan(plan.length());
        }
        assertThat(solves.get()).as("a retry solves again: nothing was stored to replay").isEqualTo(2);
        assertThat(storedKeys("huge-solve")).isZero();
    }

    @Test
    void aChangeWhoseAnswerCannotBeStoredIsRefusedAndRolledBack() {
        assertThatThrownBy(() -> transactions.inTransaction(key("huge-change", "import"), handle -> {
            handle.execute("INSERT INTO depots (code, name, target_turnaround_hours, mean_repair_hours,"
                    + " created_at, updated_at) VALUES ('BIG', 'Big', 48, 8, '2026-01-01 00:00:00', '2026-01-01 00:00:00')");
            return "{\"rows\":\"" + "y".repeat((int) LIMIT + 1) + "\"}";
        }))
                .isInstanceOfSatisfying(DomainException.class,
                        refused -> assertThat(refused.code()).isEqualTo(ErrorCode.PAYLOAD_TOO_LARGE));
        assertThat(storedKeys("huge-change")).isZero();
        int depots = jdbi.withHandle(handle -> handle.select("SELECT COUNT(*) FROM depots WHERE code = 'BIG'")
                .mapTo(Integer.class).one());
        assertThat(depots).as("the change rolled back").isZero();
    }

    @Test
    void anAnswerWithinTheBoundIsStoredAndReplayed() {
        AtomicInteger solves = new AtomicInteger();
        assertThat(transactions.outside(key("small-solve", "solve 2"), () -> "{\"plan\":\"p" + solves.incrementAndGet()
                + "\"}")).isEqualTo("{\"plan\":\"p1\"}");
        assertThatThrownBy(() -> transactions.outside(key("small-solve", "solve 2"), () -> "{\"plan\":\"p"
                + solves.incrementAndGet() + "\"}"))
                .isInstanceOfSatisfying(Idempotency.Replayed.class,
                        replayed -> assertThat(replayed.answer().body()).isEqualTo("{\"plan\":\"p1\"}"));
        assertThat(solves.get()).isEqualTo(1);
        assertThat(storedKeys("small-solve")).isEqualTo(1);
    }

    /** A key whose answer is the result itself, as JSON text. */
    private static Idempotency<String> key(String key, String request) {
        return Idempotency.of(1, key, request, json -> new Idempotency.Answer(200, json, null));
    }

    private static int storedKeys(String key) {
        return jdbi.withHandle(handle -> handle.select("SELECT COUNT(*) FROM idempotency_keys WHERE idempotency_key = ?",
                key).mapTo(Integer.class).one());
    }
}
