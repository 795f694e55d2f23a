package org.spares.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.spares.config.SparesConfiguration;
import org.spares.domain.Lifecycle;
import org.spares.domain.Role;
import org.spares.support.ApiClient;
import org.spares.support.ApiClient.Reply;
import org.spares.support.Fixtures;
import org.spares.support.ProxiedDatabase;
import org.spares.support.TestApp;


/**
 * The service's link to its database is cut and delayed by a proxy (MariaDB with SPARES_TEST_DB_URL, else an H2
 * TCP server). While the link is down every request is a quick 503 and /healthcheck is red; when it returns the
 * service heals by itself; a slow link slows requests but loses nothing.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DatabaseFaultTest {
    /** Far above what a cut link costs (milliseconds), and at the pool's 2 s wait plus slack for a slow machine. */
    private static final long FAST_MILLIS = 3_000;
    private static final ProxiedDatabase DATABASE = ProxiedDatabase.start();
    private static final TestApp APP = TestApp.on(DATABASE.direct(), DATABASE.proxiedUrl());
    @RegisterExtension
    static final DropwizardAppExtension<SparesConfiguration> EXTENSION = APP.extension();

    private ApiClient manager;

    @BeforeAll
    void setUp() {
        ApiClient admin = APP.admin();
        Fixtures.depot(admin, "NYC");
        Fixtures.part(admin, "F1", 5.0);
        manager = APP.client(APP.token(Role.MANAGER, "NYC"));
        assertThat(DATABASE.proxy().accepted()).as("the service reaches its database through the proxy").isPositive();
    }

    @AfterEach
    void linkBackAndLedgerExact() {
        DATABASE.proxy().delay(0);
        DATABASE.proxy().restore();
        awaitHealthy(20_000);
        Fixtures.assertLedgerExact(APP);
    }

    @Test
    void cutLinkAnswersQuick503sTurnsHealthRedAndHealsByItself() {
        assertThat(manager.get("/api/v1/depots").status()).isEqualTo(200);
        DATABASE.proxy().cut();
        List<Long> took = new ArrayList<>();
        for (int attempt = 0; attempt < 6; attempt++) {
            long started = System.nanoTime();
            Reply reply = attempt % 2 == 0 ? manager.get("/api/v1/stock?depot=NYC")
                    : manager.post("/api/v1/movements", Fixtures.movement("RECEIPT", "NYC", "F1", 1, 5.0));
            took.add((System.nanoTime() - started) / 1_000_000);
            assertThat(reply.status()).as(reply.body()).isEqualTo(503);
            assertThat(reply.error()).isEqualTo("UNAVAILABLE");
            assertThat(reply.json().get("details").get("retryable").asBoolean()).isTrue();
            assertThat(reply.header("Retry-After")).isNotNull();
        }
        assertThat(took).allSatisfy(millis -> assertThat(millis).isLessThan(FAST_MILLIS));
        Reply health = health();
        assertThat(health.status()).as(health.body()).isEqualTo(500);
        assertThat(health.json().get("database").get("healthy").asBoolean()).isFalse();

        long restored = System.nanoTime();
        DATABASE.proxy().restore();
        awaitHealthy(20_000);
        long healedMillis = (System.nanoTime() - restored) / 1_000_000;
        assertThat(manager.post("/api/v1/movements", Fixtures.movement("RECEIPT", "NYC", "F1", 2, 5.0)).status())
                .isEqualTo(201);
        System.out.printf("database cut: 503 in %s ms; healed %d ms after the link returned%n", took, healedMillis);
    }

    @Test
    void slowLinkSlowsRequestsButLosesNothing() {
        int before = Fixtures.onHand(manager, "NYC", "F1");
        DATABASE.proxy().delay(5);
        for (int receipt = 0; receipt < 3; receipt++) {
            Reply reply = manager.post("/api/v1/movements", Fixtures.movement("RECEIPT", "NYC", "F1", 1, 5.0));
            assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        }
        DATABASE.proxy().delay(0);
        assertThat(Fixtures.onHand(manager, "NYC", "F1")).isEqualTo(before + 3);
    }

    private Reply health() {
        return new ApiClient(APP.adminUrl(), null).get("/healthcheck");
    }

    /** Polls until the service reads from the database again and /healthcheck is green; fails after the limit. */
    private void awaitHealthy(long limitMillis) {
        long deadline = System.currentTimeMillis() + limitMillis;
        while (System.currentTimeMillis() < deadline) {
            if (health().status() == 200 && manager.get("/api/v1/depots").status() == 200) {
                return;
            }
            sleep(100);
        }
        throw new AssertionError("the service did not heal within " + limitMillis + " ms: " + health());
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }
}
