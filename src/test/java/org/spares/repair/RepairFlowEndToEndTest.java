package org.spares.repair;

import static org.assertj.core.api.Assertions.assertThat;
import static org.spares.support.Fixtures.movement;
import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.spares.config.SparesConfiguration;
import org.spares.domain.Lifecycle;
import org.spares.domain.Role;
import org.spares.jobs.ReservationExpiryJob;
import org.spares.service.Services;
import org.spares.support.ApiClient;
import org.spares.support.ApiClient.Reply;
import org.spares.support.ClockedSparesApplication;
import org.spares.support.Fixtures;
import org.spares.support.TestApp;
import org.spares.support.TestServices;

/**
 * The technician's flow over HTTP on a clock the test moves: reserve, backorder, fill, issue, expire, wait. Expiry
 * runs when the test runs the job (the service's own schedule is an hour, so it never races the test).
 */
@ExtendWith(DropwizardExtensionsSupport.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RepairFlowEndToEndTest {
    private static final TestApp APP = TestApp.clocked(ConfigOverride.config("reservations.expiryInterval", "1h"));
    @RegisterExtension
    static final DropwizardAppExtension<SparesConfiguration> EXTENSION = APP.extension();

    private ApiClient admin;
    private ApiClient manager;
    private ApiClient technician;

    @BeforeAll
    void setUp() {
        admin = APP.admin();
        Fixtures.depot(admin, "NYC");
        Fixtures.depot(admin, "BOS");
        manager = APP.client(APP.token(Role.MANAGER, "NYC", "BOS"));
        technician = APP.client(APP.token(Role.TECHNICIAN, "NYC"));
    }

    @AfterEach
    void ledgerStaysExact() {
        Fixtures.assertLedgerExact(APP);
    }

    private long order(String priority) {
        Reply reply = technician.post("/api/v1/repair-orders", Map.of("depot", "NYC", "assetTag", "A-" + priority,
                "priority", priority));
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return reply.json().get("id").asLong();
    }

    private Reply reserve(long order, String sku, int quantity, boolean backorder) {
        return technician.post("/api/v1/repair-orders/" + order + "/reservations", Map.of("sku", sku,
                "quantity", quantity, "allowBackorder", backorder));
    }

    private JsonNode position(String sku) {
        return admin.get("/api/v1/depots/NYC/stock/" + sku).json();
    }

    @Test
    void reserveIssueAndCompleteWriteOneIssueRow() {
        Fixtures.part(admin, "R1", 30.0);
        Fixtures.receive(manager, "NYC", "R1", 5, 30.0);
        long order = order("NORMAL");
        Reply held = reserve(order, "R1", 3, false);
        assertThat(held.json().get("status").asText()).isEqualTo("HELD");
        assertThat(held.json().get("expiresAt").asText()).isNotBlank();
        assertThat(position("R1").get("reserved").asInt()).isEqualTo(3);
        Reply tooMany = reserve(order, "R1", 3, false);
        assertThat(tooMany.status()).isEqualTo(409);
        assertThat(tooMany.error()).isEqualTo("INSUFFICIENT_STOCK");
        assertThat(tooMany.json().at("/details/available").asInt()).isEqualTo(2);
        assertThat(technician.post("/api/v1/repair-orders/" + order + "/complete", null).error())
                .isEqualTo("ILLEGAL_STATE");
        long id = held.json().get("id").asLong();
        Reply issued = technician.post("/api/v1/reservations/" + id + "/issue", null);
        assertThat(issued.json().get("status").asText()).isEqualTo("ISSUED");
        assertThat(position("R1").get("onHand").asInt()).isEqualTo(2);
        assertThat(position("R1").get("reserved").asInt()).isZero();
        assertThat(technician.post("/api/v1/reservations/" + id + "/issue", null).error()).isEqualTo("ILLEGAL_STATE");
        assertThat(technician.post("/api/v1/reservations/" + id + "/release", null).error())
                .isEqualTo("ILLEGAL_STATE");
        JsonNode issues = admin.get("/api/v1/movements?type=ISSUE&sku=R1").json().get("items");
        assertThat(issues.size()).isEqualTo(1);
        assertThat(issues.get(0).get("quantity").asInt()).isEqualTo(-3);
        assertThat(issues.get(0).get("reservationId").asLong()).isEqualTo(id);
        Reply completed = technician.post("/api/v1/repair-orders/" + order + "/complete", null);
        assertThat(completed.json().get("status").asText()).isEqualTo("COMPLETED");
        assertThat(completed.json().get("completedAt").asText()).isNotBlank();
        assertThat(reserve(order, "R1", 1, false).error()).isEqualTo("ILLEGAL_STATE");
    }

    @Test
    void backordersFillWholeByPriorityThenAgeAndTheWaitCountsOverlapsOnce() {
        Fixtures.part(admin, "R2", 10.0);
        long low = order("LOW");
        long critical = order("CRITICAL");
        Reply lowWait = reserve(low, "R2", 2, true);
        assertThat(lowWait.json().get("status").asText()).isEqualTo("BACKORDERED");
        assertThat(technician.get("/api/v1/repair-orders/" + low).json().get("status").asText())
                .isEqualTo("AWAITING_PARTS");
        ClockedSparesApplication.CLOCK.advance(Duration.ofHours(1));
        long criticalFirst = reserve(critical, "R2", 2, true).json().get("id").asLong();
        ClockedSparesApplication.CLOCK.advance(Duration.ofHours(1));
        long criticalSecond = reserve(critical, "R2", 1, true).json().get("id").asLong();
        assertThat(position("R2").get("backordered").asInt()).isEqualTo(5);
        ClockedSparesApplication.CLOCK.advance(Duration.ofHours(2));
        Fixtures.receive(manager, "NYC", "R2", 3, 10.0);
        // CRITICAL first (2 then 1 unit), the older LOW one waits: 3 units fill exactly the two critical ones.
        assertThat(status(criticalFirst)).isEqualTo("HELD");
        assertThat(status(criticalSecond)).isEqualTo("HELD");
        assertThat(status(lowWait.json().get("id").asLong())).isEqualTo("BACKORDERED");
        JsonNode criticalOrder = technician.get("/api/v1/repair-orders/" + critical).json();
        assertThat(criticalOrder.get("status").asText()).isEqualTo("OPEN");
        // Waited from hour 1 to hour 4, with two overlapping backorders: 3 hours, not 5.
        assertThat(criticalOrder.get("partsWaitHours").asDouble()).isEqualTo(3.0);
        ClockedSparesApplication.CLOCK.advance(Duration.ofHours(1));
        assertThat(technician.get("/api/v1/repair-orders/" + low).json().get("partsWaitHours").asDouble())
                .isEqualTo(5.0);
        Reply adjustment = manager.post("/api/v1/movements", movement("ADJUSTMENT", "NYC", "R2", 2, null));
        assertThat(adjustment.status()).isEqualTo(201);
        assertThat(status(lowWait.json().get("id").asLong())).isEqualTo("HELD");
        assertThat(position("R2").get("backordered").asInt()).isZero();
    }

    @Test
    void releasesTransfersAndCancelledTransfersFillBackorders() {
        Fixtures.part(admin, "R3", 10.0);
        Fixtures.receive(manager, "NYC", "R3", 2, 10.0);
        Fixtures.receive(manager, "BOS", "R3", 4, 10.0);
        long first = order("NORMAL");
        long second = order("HIGH");
        long held = reserve(first, "R3", 2, false).json().get("id").asLong();
        long waiting = reserve(second, "R3", 2, true).json().get("id").asLong();
        technician.post("/api/v1/reservations/" + held + "/release", null);
        assertThat(status(waiting)).isEqualTo("HELD");
        long third = reserve(first, "R3", 3, true).json().get("id").asLong();
        long transfer = manager.post("/api/v1/transfers", Map.of("fromDepot", "BOS", "toDepot", "NYC", "sku", "R3",
                "quantity", 3)).json().get("id").asLong();
        manager.post("/api/v1/transfers/" + transfer + "/ship", null);
        assertThat(status(third)).isEqualTo("BACKORDERED");
        manager.post("/api/v1/transfers/" + transfer + "/receive", null);
        assertThat(status(third)).isEqualTo("HELD");
        Reply cancelled = technician.post("/api/v1/repair-orders/" + first + "/cancel", null);
        assertThat(cancelled.json().get("status").asText()).isEqualTo("CANCELLED");
        assertThat(status(third)).isEqualTo("RELEASED");
        assertThat(technician.post("/api/v1/repair-orders/" + first + "/cancel", null).error())
                .isEqualTo("ILLEGAL_STATE");
    }

    @Test
    void heldReservationsExpireAfterTheHoldTimeAndFillBackorders() {
        Fixtures.part(admin, "R4", 10.0);
        Fixtures.receive(manager, "NYC", "R4", 1, 10.0);
        long holder = order("NORMAL");
        long waiter = order("NORMAL");
        long held = reserve(holder, "R4", 1, false).json().get("id").asLong();
        long waiting = reserve(waiter, "R4", 1, true).json().get("id").asLong();
        ReservationExpiryJob expiry = expiryJob();
        ClockedSparesApplication.CLOCK.advance(Duration.ofHours(71));
        expiry.run();
        assertThat(status(held)).isEqualTo("HELD");
        ClockedSparesApplication.CLOCK.advance(Duration.ofHours(2));
        expiry.run();
        JsonNode expired = technician.get("/api/v1/reservations/" + held).json();
        assertThat(expired.get("status").asText()).isEqualTo("EXPIRED");
        assertThat(expired.get("expiredAt").asText()).isNotBlank();
        assertThat(status(waiting)).isEqualTo("HELD");
        assertThat(technician.post("/api/v1/reservations/" + held + "/issue", null).error()).isEqualTo("ILLEGAL_STATE");
    }

    @Test
    void otherDepotsOrdersAndReservationsAreInvisible() {
        Fixtures.part(admin, "R5", 10.0);
        Fixtures.receive(manager, "NYC", "R5", 1, 10.0);
        long order = order("NORMAL");
        long reservation = reserve(order, "R5", 1, false).json().get("id").asLong();
        ApiClient boston = APP.client(APP.token(Role.TECHNICIAN, "BOS"));
        assertThat(boston.get("/api/v1/repair-orders/" + order).status()).isEqualTo(404);
        assertThat(boston.get("/api/v1/reservations/" + reservation).status()).isEqualTo(404);
        assertThat(boston.post("/api/v1/reservations/" + reservation + "/issue", null).status()).isEqualTo(404);
        assertThat(boston.post("/api/v1/repair-orders/" + order + "/cancel", null).status()).isEqualTo(404);
        assertThat(boston.post("/api/v1/repair-orders", Map.of("depot", "NYC", "assetTag", "x")).status())
                .isEqualTo(403);
        List<Long> visible = new ArrayList<>();
        boston.get("/api/v1/reservations").json().get("items").forEach(item -> visible.add(item.get("id").asLong()));
        assertThat(visible).doesNotContain(reservation);
        assertThat(status(reservation)).isEqualTo("HELD");
    }

    /** The service's expiry job over the same database, run by the test rather than waited for. */
    private static ReservationExpiryJob expiryJob() {
        SparesConfiguration configuration = EXTENSION.getConfiguration();
        Services services = Services.build(TestServices.transactions(APP.jdbi()), ClockedSparesApplication.CLOCK,
                configuration.getSpares().getDefaultHoldingRate(),
                Duration.ofMillis(configuration.getReservations().getHoldTime().toMilliseconds()));
        return new ReservationExpiryJob(services.reservations());
    }

    private String status(long reservation) {
        return technician.get("/api/v1/reservations/" + reservation).json().get("status").asText();
    }
}
