package org.spares.report;

import static org.assertj.core.api.Assertions.assertThat;
import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
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
import org.spares.support.ClockedSparesApplication;
import org.spares.support.Fixtures;
import org.spares.support.TestApp;


/**
 * A state change that has a ledger row happens at one instant: a transfer's shippedAt is its TRANSFER_OUT row's
 * {@code at}, its receivedAt its TRANSFER_IN row's, a reservation's issuedAt its ISSUE row's. The clock moves on
 * 75 ms at every read, as a real one moves between two reads of one request, so two reads would differ.
 *
 * <pre>
 * NYC receives 10 VALVE @ 100; transfer 4 NYC -> BOS shipped, then received; an order at NYC issues 1
 * units owned (on hand + in transit) at every instant around the ship and the receive: 10; after the issue: 9
 * </pre>
 */
@ExtendWith(DropwizardExtensionsSupport.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InstantOfChangeTest {
    private static final TestApp APP = TestApp.clocked();
    @RegisterExtension
    static final DropwizardAppExtension<SparesConfiguration> EXTENSION = APP.extension();
    private static final Duration MICRO = Duration.ofNanos(1000);

    private ApiClient admin;
    private ApiClient finance;
    private JsonNode transfer;
    private JsonNode issued;

    @BeforeAll
    void moveStock() {
        ClockedSparesApplication.CLOCK.set(Instant.parse("2026-03-01T08:00:00Z"));
        admin = APP.admin();
        finance = APP.client(APP.token(Role.FINANCE));
        Fixtures.depot(admin, "NYC");
        Fixtures.depot(admin, "BOS");
        Fixtures.part(admin, "VALVE", 100);
        Fixtures.receive(admin, "NYC", "VALVE", 10, 100);
        ClockedSparesApplication.CLOCK.tickOnEveryRead(Duration.ofMillis(75));
        long id = created(admin.post("/api/v1/transfers", Map.of("fromDepot", "NYC", "toDepot", "BOS", "sku",
                "VALVE", "quantity", 4))).get("id").asLong();
        created(admin.post("/api/v1/transfers/" + id + "/ship", null));
        transfer = created(admin.post("/api/v1/transfers/" + id + "/receive", null));
        long order = Fixtures.repairOrder(admin, "NYC", "HIGH");
        long reservation = created(admin.post("/api/v1/repair-orders/" + order + "/reservations",
                Map.of("sku", "VALVE", "quantity", 1))).get("id").asLong();
        issued = created(admin.post("/api/v1/reservations/" + reservation + "/issue", null));
        ClockedSparesApplication.CLOCK.tickOnEveryRead(Duration.ZERO);
        ClockedSparesApplication.CLOCK.advance(Duration.ofDays(1));
    }

    @AfterAll
    void stopTicking() {
        ClockedSparesApplication.CLOCK.tickOnEveryRead(Duration.ZERO);
    }

    @Test
    void aTransferShipsAndArrivesAtTheInstantsOfItsLedgerRows() {
        assertThat(instant(transfer, "shippedAt")).isEqualTo(movementAt("TRANSFER_OUT"));
        assertThat(instant(transfer, "receivedAt")).isEqualTo(movementAt("TRANSFER_IN"));
    }

    @Test
    void unitsOwnedNeverJumpAroundATransfer() {
        for (String field : List.of("shippedAt", "receivedAt")) {
            Instant at = instant(transfer, field);
            for (Instant asOf : List.of(at.minus(MICRO), at, at.plus(MICRO))) {
                assertThat(unitsOwned(asOf)).as(field + " " + asOf).isEqualTo(10);
            }
        }
    }

    @Test
    void anIssueLeavesAtTheInstantOfItsLedgerRow() {
        Instant at = instant(issued, "issuedAt");
        assertThat(at).isEqualTo(movementAt("ISSUE"));
        assertThat(unitsOwned(at.minus(MICRO))).isEqualTo(10);
        assertThat(unitsOwned(at)).isEqualTo(9);
    }

    /** On hand plus in transit over every depot, from the valuation's total. */
    private long unitsOwned(Instant asOf) {
        Reply reply = finance.get("/api/v1/reports/valuation?groupBy=depot&asOf=" + asOf);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        JsonNode total = reply.json().get("total");
        return total.get("units").asLong() + total.get("inTransitUnits").asLong();
    }

    private Instant movementAt(String type) {
        JsonNode items = admin.get("/api/v1/movements?type=" + type).json().get("items");
        assertThat(items).hasSize(1);
        return instant(items.get(0), "at");
    }

    private static JsonNode created(Reply reply) {
        assertThat(reply.status()).as(reply.body()).isIn(200, 201);
        return reply.json();
    }

    private static Instant instant(JsonNode node, String field) {
        return Instant.parse(node.get(field).asText());
    }
}
