package org.spares.api.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.math.BigDecimal;
import java.net.URI;
import java.util.UUID;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.spares.client.ApiClient;
import org.spares.client.ApiException;
import org.spares.client.api.DepotsApi;
import org.spares.client.api.MovementsApi;
import org.spares.client.api.PartsApi;
import org.spares.client.api.RepairOrdersApi;
import org.spares.client.api.ReportsApi;
import org.spares.client.api.ReservationsApi;
import org.spares.client.api.StockApi;
import org.spares.client.model.Error;
import org.spares.client.model.MovementView;
import org.spares.client.model.NewDepot;
import org.spares.client.model.NewMovement;
import org.spares.client.model.NewPart;
import org.spares.client.model.NewPolicy;
import org.spares.client.model.NewRepairOrder;
import org.spares.client.model.NewReservation;
import org.spares.client.model.PositionView;
import org.spares.client.model.RepairOrderView;
import org.spares.client.model.Report;
import org.spares.client.model.ReservationView;
import org.spares.config.SparesConfiguration;
import org.spares.domain.Role;
import org.spares.support.TestApp;

/**
 * One journey per role through the Java client that the build generates from the OpenAPI document (pom.xml,
 * openapi-generator-maven-plugin): if the document stops matching what the service takes and answers, this class
 * no longer compiles or its calls fail. The steps run in order, each role on the state the one before left.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClientJourneysTest {
    private static final TestApp APP = TestApp.create();
    @RegisterExtension
    static final DropwizardAppExtension<SparesConfiguration> EXTENSION = APP.extension();

    private static final String DEPOT = "NYC";
    private static final String SKU = "PUMP-7";

    /** A generated client that sends the role's bearer token, as the document's security scheme says. */
    private static ApiClient as(Role role, String... depots) {
        String token = APP.token(role, depots);
        URI base = URI.create(APP.baseUrl());
        ApiClient client = new ApiClient();
        client.setScheme(base.getScheme());
        client.setHost(base.getHost());
        client.setPort(base.getPort());
        client.setBasePath("");
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        return client;
    }

    private static String key() {
        return UUID.randomUUID().toString();
    }

    @Test
    @Order(1)
    void adminCreatesADepotAndAPart() throws ApiException {
        ApiClient admin = as(Role.ADMIN);
        assertThat(new DepotsApi(admin).createDepot(new NewDepot().code(DEPOT).name("New York")
                .targetTurnaroundHours(new BigDecimal("48")).meanRepairHours(new BigDecimal("8")), key()).getCode())
                .isEqualTo(DEPOT);
        assertThat(new PartsApi(admin).createPart(new NewPart().sku(SKU).name("Pump").category("hydraulics")
                .unitCost(new BigDecimal("120.50")).leadTimeDays(14), null).getSku()).isEqualTo(SKU);
        assertThat(new DepotsApi(admin).listDepots(null, null).getItems()).extracting("code").containsExactly(DEPOT);
    }

    @Test
    @Order(2)
    void managerReceivesStockAndSetsAPolicy() throws ApiException {
        ApiClient manager = as(Role.MANAGER, DEPOT);
        String key = key();
        NewMovement receipt = new NewMovement().type(NewMovement.TypeEnum.RECEIPT).depot(DEPOT).sku(SKU).quantity(10)
                .unitCost(new BigDecimal("120.50")).reference("PO-1");
        MovementView received = new MovementsApi(manager).postMovement(receipt, key);
        assertThat(received.getOnHandAfter()).isEqualTo(10);
        assertThat(new MovementsApi(manager).postMovement(receipt, key).getId())
                .as("the same Idempotency-Key answers the first row again").isEqualTo(received.getId());
        PositionView position = new StockApi(manager).setPolicy(DEPOT, SKU, new NewPolicy().targetLevel(8)
                .reorderPoint(3).reason("first policy"));
        assertThat(position.getOnHand()).isEqualTo(10);
        assertThat(position.getTargetLevel()).isEqualTo(8);
    }

    @Test
    @Order(3)
    void technicianOpensAnOrderReservesAndIssues() throws Exception {
        ApiClient technician = as(Role.TECHNICIAN, DEPOT);
        RepairOrdersApi orders = new RepairOrdersApi(technician);
        RepairOrderView order = orders.openRepairOrder(new NewRepairOrder().depot(DEPOT).assetTag("TRUCK-12")
                .description("leaking pump"), key());
        assertThat(order.getStatus()).isEqualTo("OPEN");
        ReservationView held = orders.reservePart(order.getId(), new NewReservation().sku(SKU).quantity(2), key());
        assertThat(held.getStatus()).isEqualTo("HELD");
        assertThat(new ReservationsApi(technician).issueReservation(held.getId(), key()).getStatus())
                .isEqualTo("ISSUED");
        assertThat(new StockApi(technician).getPosition(DEPOT, SKU).getOnHand()).isEqualTo(8);

        ApiException refused = catchThrowableOfType(ApiException.class, () -> orders.reservePart(order.getId(),
                new NewReservation().sku(SKU).quantity(50), key()));
        assertThat(refused.getCode()).isEqualTo(409);
        Error error = technician.getObjectMapper().readValue(refused.getResponseBody(), Error.class);
        assertThat(error.getError()).isEqualTo(Error.ErrorEnum.INSUFFICIENT_STOCK);
        assertThat(orders.completeRepairOrder(order.getId(), key()).getStatus()).isEqualTo("COMPLETED");
    }

    @Test
    @Order(4)
    void financeReadsAReport() throws ApiException {
        Report valuation = new ReportsApi(as(Role.FINANCE)).valuationReport(null, "part", null, null);
        assertThat(valuation.getAsOf()).isNotNull();
        assertThat(valuation.getRows()).hasSize(1);
        assertThat(valuation.getRows().get(0)).containsEntry("key", SKU).containsKey("value");
        assertThat(valuation.getTotal()).isNotEmpty();
    }
}
