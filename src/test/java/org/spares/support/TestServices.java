package org.spares.support;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import org.jdbi.v3.core.Jdbi;
import org.spares.domain.ServerInstance;
import org.spares.service.Instances;
import org.spares.service.OptimizationRunner;
import org.spares.service.OptimizationService;
import org.spares.service.Services;
import org.spares.service.Transactions;

/** The services as the server builds them, for tests that drive them without HTTP. */
public final class TestServices {
    /** config.yml's default for {@code spares.maxStoredAnswerSize}. */
    public static final long STORED_ANSWER_BYTES = 1024 * 1024;

    private TestServices() {
    }

    public static Transactions transactions(Jdbi jdbi) {
        return new Transactions(jdbi, 3, Clock.systemUTC(), STORED_ANSWER_BYTES);
    }

    /** On the given clock, with config.yml's holding rate and hold time. */
    public static Services services(Transactions transactions, Clock clock) {
        return Services.build(transactions, clock, new BigDecimal("0.25"), Duration.ofHours(72));
    }

    /**
     * Optimizations whose new runs are not handed to any worker: the test runs them itself. Their owner is the
     * service running on the test's database, if one is (else an id that never beats), so that its sweep of
     * orphaned runs leaves them to the test.
     */
    public static OptimizationService optimizations(Transactions transactions, OptimizationRunner runner) {
        String owner = new Instances(transactions).running(Clock.systemUTC().instant()).stream()
                .map(ServerInstance::id).findFirst().orElse("test-without-a-worker");
        return new OptimizationService(transactions, services(transactions, Clock.systemUTC()).positions(), runner,
                id -> { }, Clock.systemUTC(), owner);
    }
}
