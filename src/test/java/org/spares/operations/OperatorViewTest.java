package org.spares.operations;

import static org.assertj.core.api.Assertions.assertThat;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.spares.config.SparesConfiguration;
import org.spares.support.ApiClient;
import org.spares.support.ApiClient.Reply;
import org.spares.support.ClockedSparesApplication;
import org.spares.support.Fixtures;
import org.spares.support.TestApp;


/**
 * What an operator sees of a running service: Prometheus's text format on the admin port with a timer per endpoint
 * and the business meters, each background job's health beside the database's, "not found" for an unknown admin
 * path, and config.yml's access-log format with a timestamp, the user's id and the request id.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class OperatorViewTest {
    private static final Path REQUEST_LOG = requestLogFile();
    private static final TestApp APP = TestApp.clockedAndConfigured(Map.of(
            "server.requestLog.appenders", List.of(Map.of("type", "file", "currentLogFilename", REQUEST_LOG.toString(),
                    "archive", false, "logFormat", configuredRequestLogFormat())),
            "reservations.expiryInterval", "100ms"));
    @RegisterExtension
    static final DropwizardAppExtension<SparesConfiguration> EXTENSION = APP.extension();

    @Test
    void prometheusShowsEndpointTimersAndBusinessMeters() throws InterruptedException {
        ApiClient admin = APP.admin();
        Fixtures.depot(admin, "NYC");
        Fixtures.part(admin, "P1", 3.0);
        Fixtures.receive(admin, "NYC", "P1", 2, 3.0);
        long order = Fixtures.repairOrder(admin, "NYC", "HIGH");
        reserve(admin, order, 2, 201);
        reserve(admin, order, 1, 201);
        Fixtures.receive(admin, "NYC", "P1", 1, 3.0);
        assertThat(admin.get("/api/v1/depots").status()).isEqualTo(200);
        ClockedSparesApplication.CLOCK.advance(Duration.ofHours(73));

        ApiClient adminPort = new ApiClient(APP.adminUrl(), null);
        Reply scrape = adminPort.get("/metrics/prometheus");
        for (int tries = 0; tries < 100 && !scrape.body().contains("spares_reservations_expired_total 2"); tries++) {
            Thread.sleep(50);
            scrape = adminPort.get("/metrics/prometheus");
        }
        assertThat(scrape.status()).isEqualTo(200);
        assertThat(scrape.header("Content-Type")).startsWith("text/plain");
        assertThat(scrape.body())
                .containsPattern("(?m)^spares_endpoints_DepotResource_list_count [1-9]")
                .containsPattern("(?m)^spares_endpoints_DepotResource_list\\{quantile=\"0.99\"\\} ")
                .containsPattern("(?m)^spares_reservations_held_total 1")
                .containsPattern("(?m)^spares_reservations_backordered_total 1")
                .as("the backorder, filled by the receipt, and the first reservation expire")
                .containsPattern("(?m)^spares_reservations_filled_total 1")
                .containsPattern("(?m)^spares_reservations_expired_total 2")
                .as("registered at start, whether a run ended yet or not")
                .containsPattern("(?m)^spares_optimizations_runs_cancelled_total ")
                .containsPattern("(?m)^spares_optimizations_solve_count ")
                .contains("database_");
    }

    @Test
    void aBackgroundOptimizationRunIsCountedByItsOutcome() throws InterruptedException {
        ApiClient admin = APP.admin();
        Fixtures.depot(admin, "BOS");
        Reply started = admin.post("/api/v1/optimizations", Map.of("depots", List.of("BOS"), "historyDays", 30));
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        String run = "/api/v1/optimizations/" + started.json().get("id").asLong();
        String status = admin.get(run).json().get("status").asText();
        for (int tries = 0; tries < 200 && (status.equals("QUEUED") || status.equals("RUNNING")); tries++) {
            Thread.sleep(50);
            status = admin.get(run).json().get("status").asText();
        }
        assertThat(status).isIn("SUCCEEDED", "FAILED");
        assertThat(new ApiClient(APP.adminUrl(), null).get("/metrics/prometheus").body())
                .containsPattern("(?m)^spares_optimizations_runs_" + status.toLowerCase(Locale.ROOT) + "_total 1");
    }

    @Test
    void everyBackgroundJobHasAHealthCheckBesideTheDatabase() {
        Reply health = new ApiClient(APP.adminUrl(), null).get("/healthcheck");
        assertThat(health.status()).as(health.body()).isEqualTo(200);
        for (String name : List.of("database", "job-reservation-expiry", "job-idempotency-purge",
                "job-page-session-purge", "job-orphaned-runs", "job-optimization-worker")) {
            assertThat(health.json().get(name).get("healthy").asBoolean()).as(name).isTrue();
        }
        assertThat(health.json().get("job-reservation-expiry").has("lastSuccess")).isTrue();
        // On MySQL/MariaDB the node's cluster state is checked too: healthy on a server that is not a Galera node.
        assertThat(health.json().has("database-cluster")).isEqualTo(APP.database().url().startsWith("jdbc:mysql:"));
        if (health.json().has("database-cluster")) {
            assertThat(health.json().get("database-cluster").get("healthy").asBoolean()).isTrue();
        }
    }

    @Test
    void anUnknownAdminPathIsNotFound() {
        Reply reply = new ApiClient(APP.adminUrl(), null).get("/no-such-page");
        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.body().strip()).isEqualTo("not found");
    }

    @Test
    void theAccessLogNamesTimeUserRequestStatusAndLatency() throws IOException {
        Reply created = APP.admin().post("/api/v1/users", Map.of("name", "log-reader", "role", "FINANCE"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long userId = created.json().get("id").asLong();
        ApiClient reader = APP.client(created.json().get("token").asText());
        assertThat(reader.get("/api/v1/parts/NOPE").status()).isEqualTo(404);
        String line = awaitLine("/api/v1/parts/NOPE");
        assertThat(line).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d,\\d{3} \\S+ \"GET /api/v1/parts/NOPE "
                + "HTTP/1.1\" 404 \\d+ \\d+ ms rid=[-0-9a-f]{36} user=\\d+");
        assertThat(line).contains(" user=" + userId);
    }

    private static void reserve(ApiClient client, long order, int quantity, int status) {
        Reply reply = client.post("/api/v1/repair-orders/" + order + "/reservations", Map.of("sku", "P1",
                "quantity", quantity, "allowBackorder", true));
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
    }

    /** The request log is written after the answer is sent. */
    private static String awaitLine(String path) throws IOException {
        for (int tries = 0; tries < 100; tries++) {
            for (String line : Files.readAllLines(REQUEST_LOG, StandardCharsets.UTF_8)) {
                if (line.contains(path)) {
                    return line;
                }
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError("no request-log line for " + path);
    }

    private static Path requestLogFile() {
        try {
            Path file = Files.createTempFile("spares-operator", ".log");
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    private static String configuredRequestLogFormat() {
        try {
            JsonNode config = new YAMLMapper().readTree(new File("config.yml"));
            return config.get("server").get("requestLog").get("appenders").get(0).get("logFormat").asText();
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }
}
