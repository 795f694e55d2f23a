package org.spares.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.spares.config.SparesConfiguration;
import org.spares.domain.Role;
import org.spares.support.ApiClient;
import org.spares.support.ApiClient.Reply;
import org.spares.support.Fixtures;
import org.spares.support.TestApp;


/**
 * 70 sockets send POST bodies one byte every 5 s (Content-Length: 100000), half with a valid token, half without,
 * against a service that admits 16 requests at once. GET /depots keeps answering 200 within 1 s all the while:
 * tokenless senders are refused before their body is read, and bodies are read before a load-shedding slot is
 * taken. Afterwards every tokenless sender has its 401, and Jetty's minimum data rate (config.yml's 1 KiB/s) has cut
 * every sender that had a token.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class SlowSenderTest {
    private static final int SENDERS = 70;
    private static final long FLOOD_MILLIS = 12_000;
    private static final TestApp APP = TestApp.configured(Map.of(
            "spares.maxConcurrentRequests", 16,
            "server.applicationConnectors", List.of(Map.of("type", "http", "port", 0,
                    "minRequestDataPerSecond", "1KiB"))));
    @RegisterExtension
    static final DropwizardAppExtension<SparesConfiguration> EXTENSION = APP.extension();

    @Test
    void slowBodiesDoNotTakeTheApiDown() throws Exception {
        ApiClient admin = APP.admin();
        Fixtures.depot(admin, "NYC");
        ApiClient technician = APP.client(APP.token(Role.TECHNICIAN, "NYC"));
        String token = APP.token(Role.MANAGER, "NYC");
        List<Sender> senders = new ArrayList<>();
        ScheduledExecutorService trickle = Executors.newScheduledThreadPool(2);
        try {
            for (int index = 0; index < SENDERS; index++) {
                senders.add(new Sender(APP.extension().getLocalPort(), index % 2 == 0 ? token : null));
            }
            trickle.scheduleAtFixedRate(() -> senders.forEach(Sender::oneByte), 0, 5, TimeUnit.SECONDS);
            long deadline = System.currentTimeMillis() + FLOOD_MILLIS;
            int answered = 0;
            while (System.currentTimeMillis() < deadline) {
                long started = System.nanoTime();
                Reply reply = technician.get("/api/v1/depots");
                long millis = (System.nanoTime() - started) / 1_000_000;
                assertThat(reply.status()).as("GET /depots during the flood: " + reply).isEqualTo(200);
                assertThat(millis).as("GET /depots took (ms)").isLessThan(1_000);
                answered++;
                Thread.sleep(200);
            }
            assertThat(answered).isPositive();
        } finally {
            trickle.shutdownNow();
        }
        for (Sender sender : senders) {
            String status = sender.statusLine();
            if (sender.token == null) {
                assertThat(status).as("a sender without a token").startsWith("HTTP/1.1 401");
            } else {
                assertThat(status).as("a slow sender with a token is cut").matches("HTTP/1.1 408.*|closed");
            }
            sender.close();
        }
    }

    /** One raw connection that announces a 100,000-byte body and sends it a byte at a time. */
    private static final class Sender {
        private final Socket socket;
        private final String token;
        private volatile boolean broken;

        Sender(int port, String token) throws IOException {
            this.token = token;
            socket = new Socket("127.0.0.1", port);
            String head = "POST /api/v1/movements HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 100000\r\n" + (token == null ? "" : "Authorization: Bearer " + token + "\r\n")
                    + "\r\n";
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
        }

        void oneByte() {
            if (broken) {
                return;
            }
            try {
                OutputStream output = socket.getOutputStream();
                output.write(' ');
                output.flush();
            } catch (IOException closedByServer) {
                broken = true;
            }
        }

        /** The first line the server sent, or "closed" when it closed without one (a reset, say). */
        String statusLine() throws IOException {
            socket.setSoTimeout(5_000);
            StringBuilder line = new StringBuilder();
            try {
                InputStream input = socket.getInputStream();
                int next;
                while ((next = input.read()) != -1 && next != '\r') {
                    line.append((char) next);
                }
            } catch (SocketTimeoutException stillOpen) {
                return "still open after the flood";
            } catch (IOException reset) {
                return line.isEmpty() ? "closed" : line.toString();
            }
            return line.isEmpty() ? "closed" : line.toString();
        }

        void close() throws IOException {
            socket.close();
        }
    }
}
