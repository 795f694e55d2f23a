package org.spares.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
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
 * Two service instances on one database, as behind a load balancer: 16 technicians, alternating between the
 * instances, race for 120 units of one part. Exactly the stock on hand is reserved, the rest is 409
 * INSUFFICIENT_STOCK, nothing is 5xx, and check-ledger is clean: the instances share no memory, the database's
 * conditional update and row locks hold the invariants across them.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class TwoInstancesTest {
    private static final TestApp FIRST = TestApp.create();
    private static final TestApp SECOND = TestApp.on(FIRST.database(), FIRST.database().url());
    @RegisterExtension
    static final DropwizardAppExtension<SparesConfiguration> FIRST_EXTENSION = FIRST.extension();
    @RegisterExtension
    static final DropwizardAppExtension<SparesConfiguration> SECOND_EXTENSION = SECOND.extension();

    private static final int STOCK = 120;
    private static final int CLIENTS = 16;
    private static final int ATTEMPTS_PER_CLIENT = 12;

    @Test
    void twoInstancesNeverOversell() throws Exception {
        ApiClient admin = FIRST.admin();
        Fixtures.depot(admin, "NYC");
        Fixtures.part(admin, "X1", 6.0);
        Fixtures.receive(admin, "NYC", "X1", STOCK, 6.0);
        String token = FIRST.token(Role.TECHNICIAN, "NYC");
        List<ApiClient> instances = List.of(FIRST.client(token), SECOND.client(token));

        AtomicInteger reserved = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        List<String> wrong = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        List<Future<?>> clients = new ArrayList<>();
        long started = System.nanoTime();
        for (int client = 0; client < CLIENTS; client++) {
            int id = client;
            clients.add(pool.submit(() -> {
                for (int attempt = 0; attempt < ATTEMPTS_PER_CLIENT; attempt++) {
                    ApiClient instance = instances.get((id + attempt) % 2);
                    Reply order = instance.post("/api/v1/repair-orders", Map.of("depot", "NYC", "assetTag", "T"));
                    Reply reply = instance.post("/api/v1/repair-orders/" + order.json().get("id").asLong()
                            + "/reservations", Map.of("sku", "X1", "quantity", 1));
                    if (reply.status() == 201) {
                        reserved.incrementAndGet();
                    } else if (reply.status() == 409 && "INSUFFICIENT_STOCK".equals(reply.error())) {
                        refused.incrementAndGet();
                    } else {
                        wrong.add(reply.toString());
                    }
                }
                return null;
            }));
        }
        for (Future<?> client : clients) {
            client.get(120, TimeUnit.SECONDS);
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        pool.shutdown();

        assertThat(wrong).isEmpty();
        assertThat(reserved.get()).as("reserved").isEqualTo(STOCK);
        assertThat(refused.get()).isEqualTo(CLIENTS * ATTEMPTS_PER_CLIENT - STOCK);
        var position = admin.get("/api/v1/depots/NYC/stock/X1").json();
        assertThat(position.get("reserved").asInt()).isEqualTo(STOCK);
        assertThat(position.get("available").asInt()).isZero();
        Fixtures.assertLedgerExact(FIRST);
        System.out.printf("two instances: %d order+reserve pairs in %d ms (%.0f requests/s), %d reserved, %d refused%n",
                CLIENTS * ATTEMPTS_PER_CLIENT, millis, CLIENTS * ATTEMPTS_PER_CLIENT * 2 * 1000.0 / millis,
                reserved.get(), refused.get());
    }
}
