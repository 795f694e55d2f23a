package org.spares.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.spares.domain.Role;
import org.spares.support.ApiClient;
import org.spares.support.ApiClient.Reply;
import org.spares.support.Fixtures;
import org.spares.support.TestApp;


/**
 * Tokens never reach a log. The service runs with config.yml's request-log format (written to a file here) and its
 * own loggers at DEBUG, serves requests with good, unknown and revoked tokens, creates a user (whose answer holds a
 * new token), fails requests and is sent tokens in query strings, which are refused (401: the token counts only in
 * the Authorization header); afterwards no token text is in the request log or in any application log line.
 */
class SecretsNotLoggedTest {
    private static final Path REQUEST_LOG = requestLogFile();
    private static final String FORMAT = configuredRequestLogFormat();
    private static final TestApp APP = TestApp.configured(Map.of(
            "server.requestLog.appenders", List.of(Map.of("type", "file", "currentLogFilename", REQUEST_LOG.toString(),
                    "archive", false, "logFormat", FORMAT)),
            "logging.loggers", Map.of("org.spares", "DEBUG", "io.dropwizard.auth", "DEBUG")));

    @Test
    void noTokenTextInAnyLog() throws Exception {
        assertThat(FORMAT.toLowerCase()).as("config.yml's request log format").doesNotContain("authorization")
                .doesNotContain("%i{").doesNotContain("%header").doesNotContain("%requestheader")
                .doesNotContain("%fullrequest");
        APP.extension().before();
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.start();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.addAppender(captured);
        List<String> secrets = new ArrayList<>();
        try {
            LoggerFactory.getLogger("org.spares.capture").info("capture check");
            String adminToken = APP.token(Role.ADMIN);
            secrets.add(adminToken);
            ApiClient admin = APP.client(adminToken);
            Fixtures.depot(admin, "NYC");
            Reply created = admin.post("/api/v1/users", Map.of("name", "temp", "role", "FINANCE"));
            String newToken = created.json().get("token").asText();
            secrets.add(newToken);
            ApiClient temp = APP.client(newToken);
            assertThat(temp.get("/api/v1/depots").status()).isEqualTo(200);
            assertThat(temp.post("/api/v1/depots", Map.of()).status()).isEqualTo(403);
            assertThat(admin.post("/api/v1/movements", Map.of("type", "RECEIPT")).status()).isEqualTo(400);
            assertThat(admin.get("/api/v1/parts/NOPE").status()).isEqualTo(404);
            admin.delete("/api/v1/users/" + created.json().get("id").asLong());
            assertThat(temp.get("/api/v1/depots").status()).isEqualTo(401);
            String unknown = "sp_" + "Zq9".repeat(14);
            secrets.add(unknown);
            assertThat(APP.client(unknown).get("/api/v1/depots").status()).isEqualTo(401);
            // A token in the URL is not a credential (it would land in every log on its way), and the URL of a
            // request that carries one anyway is not logged with its query string.
            ApiClient noHeader = new ApiClient(APP.baseUrl(), null);
            assertThat(noHeader.get("/api/v1/depots?access_token=" + adminToken).status()).isEqualTo(401);
            assertThat(noHeader.get("/api/v1/depots?depot=" + unknown).status()).isEqualTo(401);
        } finally {
            root.detachAppender(captured);
            APP.extension().after();
        }
        String requestLog = Files.readString(REQUEST_LOG, StandardCharsets.UTF_8);
        assertThat(requestLog).as("request log").contains("/api/v1/depots");
        List<String> lines = new ArrayList<>();
        for (ILoggingEvent event : captured.list) {
            lines.add(event.getFormattedMessage() + (event.getThrowableProxy() == null ? ""
                    : ThrowableProxyUtil.asString(event.getThrowableProxy())) + event.getMDCPropertyMap());
        }
        assertThat(lines).as("the capture works").anyMatch(line -> line.contains("capture check"));
        for (String secret : secrets) {
            assertThat(requestLog).as("request log").doesNotContain(secret);
            assertThat(lines).as("application log").noneMatch(line -> line.contains(secret));
        }
    }

    private static Path requestLogFile() {
        try {
            Path file = Files.createTempFile("spares-requests", ".log");
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    /** The request-log format config.yml ships, so this test checks the real one. */
    private static String configuredRequestLogFormat() {
        try {
            JsonNode config = new YAMLMapper().readTree(new File("config.yml"));
            return config.get("server").get("requestLog").get("appenders").get(0).get("logFormat").asText();
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }
}
