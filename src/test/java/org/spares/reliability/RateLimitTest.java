package org.spares.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.spares.config.SparesConfiguration;
import org.spares.domain.Role;
import org.spares.support.ApiClient;
import org.spares.support.ApiClient.Reply;
import org.spares.support.ClockedSparesApplication;
import org.spares.support.Fixtures;
import org.spares.support.TestApp;


/**
 * The per-user rate limit (one request per 4 s, burst 10) on a time source the test moves, so no token arrives
 * between two requests unless the test says so: a user past it gets 429 RATE_LIMITED with Retry-After and the
 * one error body (docs/API.md "Errors"), a refused write changes nothing, another user is not affected, and the user is served
 * again once the bucket refills.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class RateLimitTest {
    private static final TestApp APP = TestApp.clockedAndConfigured(Map.of("spares.rateLimitPerSecond", 0.25,
            "spares.rateLimitBurst", 10));
    @RegisterExtension
    static final DropwizardAppExtension<SparesConfiguration> EXTENSION = APP.extension();

    @Test
    void aUserPastTheLimitIsRefusedAloneAndServedAgainLater() {
        ApiClient admin = APP.admin();
        Fixtures.depot(admin, "NYC");
        Fixtures.part(admin, "Q1", 2.0);
        ApiClient greedy = APP.client(APP.token(Role.MANAGER, "NYC"));
        ApiClient other = APP.client(APP.token(Role.TECHNICIAN, "NYC"));

        List<Integer> statuses = new ArrayList<>();
        Reply limited = null;
        for (int request = 0; request < 30 && limited == null; request++) {
            Reply reply = greedy.get("/api/v1/depots/NYC/stock/Q1");
            statuses.add(reply.status());
            if (reply.status() == 429) {
                limited = reply;
            }
        }
        assertThat(limited).as("statuses " + statuses).isNotNull();
        assertThat(statuses.indexOf(429)).as("the burst is served first").isGreaterThanOrEqualTo(10);
        assertThat(limited.error()).isEqualTo("RATE_LIMITED");
        assertThat(limited.json().get("status").asInt()).isEqualTo(429);
        assertThat(limited.json().get("details").get("retryable").asBoolean()).isTrue();
        assertThat(Integer.parseInt(limited.header("Retry-After"))).isBetween(1, 60);

        Reply refusedWrite = greedy.post("/api/v1/movements", Fixtures.movement("RECEIPT", "NYC", "Q1", 5, 2.0));
        assertThat(refusedWrite.status()).isEqualTo(429);
        assertThat(other.get("/api/v1/depots/NYC/stock/Q1").json().get("onHand").asInt()).as("nothing received")
                .isZero();

        ClockedSparesApplication.NANO_TIME.addAndGet(Duration.ofMillis(3_900).toNanos());
        assertThat(greedy.get("/api/v1/depots/NYC/stock/Q1").status()).as("not yet refilled").isEqualTo(429);
        ClockedSparesApplication.NANO_TIME.addAndGet(Duration.ofMillis(200).toNanos());
        assertThat(greedy.get("/api/v1/depots/NYC/stock/Q1").status()).as("refilled").isEqualTo(200);
    }
}
