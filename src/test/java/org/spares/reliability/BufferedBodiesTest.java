package org.spares.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.spares.config.SparesConfiguration;
import org.spares.domain.Role;
import org.spares.support.ApiClient;
import org.spares.support.ApiClient.Reply;
import org.spares.support.TestApp;


/**
 * Bodies are read before a load-shedding slot is taken, so two other bounds hold in front of them: a gzip body (which
 * Jetty inflates, moving Content-Length aside) meets the same token check and size limit as any other, and the bytes
 * of bodies held in memory at once are capped by {@code maxBufferedBodies}: past it a request is 503, and the budget
 * comes back when the senders that held it are gone.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class BufferedBodiesTest {
    private static final TestApp APP = TestApp.configured(Map.of(
            "spares.maxBodySize", "16KiB",
            "spares.maxOptimizerBodySize", "16KiB",
            "spares.maxBufferedBodies", "48KiB"));
    @RegisterExtension
    static final DropwizardAppExtension<SparesConfiguration> EXTENSION = APP.extension();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void aGzipBodyMeetsTheTokenCheckAndTheSizeLimit() throws Exception {
        byte[] bomb = gzip("{\"sku\": \"" + "A".repeat(2_000_000) + "\"}");
        assertThat(bomb.length).isLessThan(16 * 1024);
        HttpResponse<String> stranger = postGzip(null, bomb);
        assertThat(stranger.statusCode()).as(stranger.body()).isEqualTo(401);
        HttpResponse<String> manager = postGzip(APP.token(Role.ADMIN), bomb);
        assertThat(manager.statusCode()).as(manager.body()).isEqualTo(413);
        assertThat(manager.body()).contains("PAYLOAD_TOO_LARGE");
    }

    @Test
    void bodiesHeldInMemoryHaveABudget() throws Exception {
        String token = APP.token(Role.ADMIN);
        ApiClient admin = APP.client(token);
        List<Socket> holders = new ArrayList<>();
        try {
            // Two senders stop 1 KB short of their declared 16,000 bytes: each holds three 8 KiB chunks of budget.
            for (int index = 0; index < 2; index++) {
                holders.add(partialBody(token, 16_000, 15_000));
            }
            Thread.sleep(500);
            Reply refused = admin.post("/api/v1/depots", depot("BUD1"));
            assertThat(refused.status()).as(refused.body()).isEqualTo(503);
            assertThat(refused.json().get("details").get("reason").asText()).isEqualTo("overloaded");
        } finally {
            for (Socket holder : holders) {
                holder.close();
            }
        }
        Reply admitted = null;
        for (int attempt = 0; attempt < 50; attempt++) {
            admitted = admin.post("/api/v1/depots", depot("BUD2"));
            if (admitted.status() != 503) {
                break;
            }
            Thread.sleep(100);
        }
        assertThat(admitted.status()).as("the budget comes back: " + admitted.body()).isEqualTo(201);
    }

    private static Map<String, Object> depot(String code) {
        return Map.of("code", code, "name", "Budget " + code, "targetTurnaroundHours", 48, "meanRepairHours", 8);
    }

    private static Socket partialBody(String token, int declared, int sent) throws IOException {
        Socket socket = new Socket("localhost", APP.extension().getLocalPort());
        OutputStream out = socket.getOutputStream();
        out.write(("POST /api/v1/depots HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token
                + "\r\nContent-Type: application/json\r\nContent-Length: " + declared + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.write("x".repeat(sent).getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return socket;
    }

    private static HttpResponse<String> postGzip(String token, byte[] body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(APP.baseUrl() + "/api/v1/parts"))
                .header("Content-Type", "application/json").header("Content-Encoding", "gzip")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }
}
