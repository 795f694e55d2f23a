package org.spares.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.spares.db.JdbiSetup;
import org.spares.domain.Role;
import org.spares.service.LedgerChecker;
import org.spares.support.ApiClient;
import org.spares.support.ApiClient.Reply;
import org.spares.support.Fixtures;
import org.spares.support.GaleraCluster;
import org.spares.support.TestApp;
import org.spares.support.TestDatabase;
import org.spares.support.TestServices;

/**
 * Three service instances, each on its own node of a three-node Galera cluster (Connector/J's multi-host URL with
 * its node first), as docs/OPERATIONS.md "A MariaDB Galera cluster" describes. Writes to one position from several
 * nodes collide at certification; the service retries them, and the invariants hold exactly as on one database:
 * a race never oversells, transfers and receipts lose and invent nothing, and a node killed under load loses no
 * acknowledged reservation and applies none twice; the health check tells a node out of sync. Clients retry as docs/API.md tells them: same key, next instance.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GaleraClusterTest {
    private GaleraCluster cluster;
    private String schema;
    private final List<TestApp> apps = new ArrayList<>();
    private ClusterClients admins;

    @BeforeAll
    void startThreeInstances() throws Exception {
        cluster = GaleraCluster.require();
        schema = cluster.createSchema();
        TestDatabase database = TestDatabase.at(cluster.url(schema, 1), "root", "");
        for (int node = 1; node <= 3; node++) {
            TestApp app = TestApp.on(database, cluster.url(schema, node));
            app.extension().before();
            apps.add(app);
        }
        String admin = apps.get(0).token(Role.ADMIN);
        admins = clients(admin);
        for (String depot : List.of("NYC", "BOS", "CHI")) {
            Fixtures.depot(admins.instance(0), depot);
        }
    }

    @AfterAll
    void stopInstances() {
        for (TestApp app : apps) {
            app.extension().after();
        }
        if (schema != null) {
            cluster.dropSchema(schema);
        }
    }

    private ClusterClients clients(String token) {
        return new ClusterClients(apps.stream().map(app -> app.client(token)).toList());
    }

    /** 64 technicians on three instances (so three nodes) race for 40 units of one part: exactly 40 are taken. */
    @Test
    @Order(1)
    void aRaceOf64ForFortyUnitsTakesExactlyForty() throws Exception {
        Fixtures.part(admins.instance(0), "RACE", 12.5);
        Fixtures.receive(admins.instance(1), "NYC", "RACE", 40, 12.5);
        ClusterClients technicians = clients(apps.get(0).token(Role.TECHNICIAN, "NYC"));
        AtomicInteger reserved = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        List<String> wrong = Collections.synchronizedList(new ArrayList<>());
        run(64, client -> {
            long order = openOrder(technicians, client, "race-" + client);
            Reply reply = technicians.post(client, "/api/v1/repair-orders/" + order + "/reservations",
                    Map.of("sku", "RACE", "quantity", 1), "race-reserve-" + client);
            if (reply.status() == 201) {
                reserved.incrementAndGet();
            } else if (reply.status() == 409 && "INSUFFICIENT_STOCK".equals(reply.error())) {
                refused.incrementAndGet();
            } else {
                wrong.add(reply.toString());
            }
        });
        assertThat(wrong).isEmpty();
        assertThat(reserved.get()).isEqualTo(40);
        assertThat(refused.get()).isEqualTo(24);
        for (int instance = 0; instance < 3; instance++) {
            Reply position = admins.instance(instance).get("/api/v1/depots/NYC/stock/RACE");
            assertThat(position.json().get("reserved").asInt()).as("instance %d", instance).isEqualTo(40);
            assertThat(position.json().get("available").asInt()).isZero();
        }
        assertLedgerExactOnEveryNode();
        System.out.printf("galera race: 40 reserved, 24 refused; 503s retried by clients %d, broken connections %d%n",
                technicians.unavailable.get(), technicians.broken.get());
    }

    /**
     * 24 clients on three instances receive stock and move it between three depots (create, ship, receive) at once:
     * afterwards every part's units on hand plus in transit are exactly what was received, every receipt and
     * transfer acknowledged is there once, and the ledger replays clean on every node.
     */
    @Test
    @Order(2)
    void concurrentTransfersAndReceiptsKeepEveryInvariant() throws Exception {
        List<String> depots = List.of("NYC", "BOS", "CHI");
        List<String> skus = List.of("T1", "T2", "T3");
        Map<String, AtomicInteger> received = new ConcurrentHashMap<>();
        for (String sku : skus) {
            Fixtures.part(admins.instance(0), sku, 20);
            received.put(sku, new AtomicInteger());
            for (String depot : depots) {
                Fixtures.receive(admins.instance(0), depot, sku, 30, 20);
                received.get(sku).addAndGet(30);
            }
        }
        ClusterClients managers = clients(apps.get(0).token(Role.ADMIN));
        List<String> wrong = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger transfers = new AtomicInteger();
        run(24, client -> {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            for (int step = 0; step < 8; step++) {
                String sku = skus.get(random.nextInt(skus.size()));
                String from = depots.get(random.nextInt(3));
                String key = "move-" + client + "-" + step;
                if (random.nextInt(3) == 0) {
                    int quantity = 1 + random.nextInt(5);
                    Reply receipt = managers.post(client + step, "/api/v1/movements", Map.of("type", "RECEIPT",
                            "depot", from, "sku", sku, "quantity", quantity, "unitCost", 20), key);
                    expect(receipt, 201, wrong);
                    if (receipt.status() == 201) {
                        received.get(sku).addAndGet(quantity);
                    }
                    continue;
                }
                String to = depots.get((depots.indexOf(from) + 1 + random.nextInt(2)) % 3);
                Reply transfer = managers.post(client + step, "/api/v1/transfers", Map.of("fromDepot", from,
                        "toDepot", to, "sku", sku, "quantity", 1 + random.nextInt(3)), key);
                if (transfer.status() == 409) {
                    continue;
                }
                if (!expect(transfer, 201, wrong)) {
                    continue;
                }
                String path = "/api/v1/transfers/" + transfer.json().get("id").asLong();
                expect(managers.post(client + step + 1, path + "/ship", null, key + "-ship"), 200, wrong);
                if (random.nextBoolean()) {
                    expect(managers.post(client + step + 2, path + "/receive", null, key + "-receive"), 200, wrong);
                }
                transfers.incrementAndGet();
            }
        });
        assertThat(wrong).isEmpty();
        assertThat(transfers.get()).isPositive();
        for (String sku : skus) {
            long onHand = 0;
            for (String depot : depots) {
                onHand += admins.instance(2).get("/api/v1/depots/" + depot + "/stock/" + sku).json().get("onHand")
                        .asLong();
            }
            long inTransit = apps.get(0).jdbi().withHandle(handle -> handle.createQuery("""
                    SELECT COALESCE(SUM(t.quantity), 0) FROM transfers t JOIN parts p ON p.id = t.part_id
                     WHERE p.sku = :sku AND t.status = 'SHIPPED'""").bind("sku", sku).mapTo(Long.class).one());
            assertThat(onHand + inTransit).as(sku).isEqualTo(received.get(sku).get());
        }
        assertLedgerExactOnEveryNode();
    }

    /**
     * 24 technicians reserve across the three instances while node 2 is killed (SIGKILL) and then restarted. Every
     * acknowledged reservation is there afterwards, each once; each key sent again to another instance answers the
     * first result and changes nothing; node 2 rejoins Synced and holds what the others hold.
     */
    @Test
    @Order(3)
    void aNodeKilledUnderLoadLosesNothingAndAppliesNothingTwice() throws Exception {
        List<String> skus = List.of("K1", "K2", "K3", "K4");
        for (String sku : skus) {
            Fixtures.part(admins.instance(0), sku, 8);
            Fixtures.receive(admins.instance(0), "BOS", sku, 5_000, 8);
        }
        ClusterClients technicians = clients(apps.get(0).token(Role.TECHNICIAN, "BOS"));
        Map<String, Long> acknowledged = new ConcurrentHashMap<>();
        Map<String, Map<String, Object>> bodies = new ConcurrentHashMap<>();
        List<String> wrong = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean recovered = new AtomicBoolean();
        AtomicBoolean loadEnded = new AtomicBoolean();
        AtomicInteger sent = new AtomicInteger();
        ExecutorService killer = Executors.newSingleThreadExecutor();
        Future<?> nodeLoss = killer.submit(() -> {
            while (acknowledged.size() < 60 && !loadEnded.get()) {
                Thread.sleep(20);
            }
            if (!loadEnded.get()) {
                cluster.kill(2);
                Thread.sleep(2_000);
                cluster.restart(2);
                Thread.sleep(1_000);
            }
            recovered.set(true);
            return null;
        });
        try {
            reserveUntilRecovered(technicians, skus, acknowledged, bodies, wrong, recovered, sent);
        } finally {
            loadEnded.set(true);
            // Whatever the load did, the node is back before anything else runs on the cluster.
            nodeLoss.get(5, TimeUnit.MINUTES);
            killer.shutdown();
        }
        assertThat(wrong).isEmpty();
        assertThat(cluster.synced(2)).isTrue();

        Jdbi jdbi = apps.get(0).jdbi();
        long rows = jdbi.withHandle(handle -> handle.createQuery("""
                SELECT COUNT(*) FROM reservations r JOIN depots d ON d.id = r.depot_id WHERE d.code = 'BOS'""")
                .mapTo(Long.class).one());
        assertThat(rows).as("reservations stored, one per acknowledged key").isEqualTo(acknowledged.size());
        List<Long> ids = jdbi.withHandle(handle -> handle.createQuery("""
                SELECT r.id FROM reservations r JOIN depots d ON d.id = r.depot_id WHERE d.code = 'BOS'""")
                .mapTo(Long.class).list());
        assertThat(ids).containsExactlyInAnyOrderElementsOf(acknowledged.values());
        long doubled = jdbi.withHandle(handle -> handle.createQuery("""
                SELECT COUNT(*) FROM (SELECT repair_order_id FROM reservations GROUP BY repair_order_id
                HAVING COUNT(*) > 1) twice""").mapTo(Long.class).one());
        assertThat(doubled).as("orders with a reservation applied twice").isZero();

        // Every key again, on another instance than the first try: the first answer, nothing new.
        Map<String, Long> replayed = new HashMap<>();
        bodies.forEach((keyAndOrder, body) -> {
            String key = keyAndOrder.substring(0, keyAndOrder.indexOf('@'));
            String order = keyAndOrder.substring(keyAndOrder.indexOf('@') + 1);
            Reply again = technicians.post(key.hashCode() + 1, "/api/v1/repair-orders/" + order + "/reservations",
                    body, key);
            assertThat(again.status()).as(again.toString()).isEqualTo(201);
            replayed.put(key, again.json().get("id").asLong());
        });
        assertThat(replayed).isEqualTo(acknowledged);
        long afterReplay = jdbi.withHandle(handle -> handle.createQuery("SELECT COUNT(*) FROM reservations r JOIN"
                + " depots d ON d.id = r.depot_id WHERE d.code = 'BOS'").mapTo(Long.class).one());
        assertThat(afterReplay).as("reservations after every key was sent again").isEqualTo(rows);
        long reserved = 0;
        for (String sku : skus) {
            reserved += admins.instance(1).get("/api/v1/depots/BOS/stock/" + sku).json().get("reserved").asLong();
        }
        assertThat(reserved).isEqualTo(acknowledged.size());
        assertLedgerExactOnEveryNode();
        System.out.printf("galera node loss: %d reservations sent, %d acknowledged; clients retried %d 503s and %d"
                + " broken connections%n", sent.get(), acknowledged.size(), technicians.unavailable.get(),
                technicians.broken.get());
    }

    private static void reserveUntilRecovered(ClusterClients technicians, List<String> skus,
            Map<String, Long> acknowledged, Map<String, Map<String, Object>> bodies, List<String> wrong,
            AtomicBoolean recovered, AtomicInteger sent) throws Exception {
        run(24, client -> {
            for (int task = 0; !recovered.get() || task < 5; task++) {
                if (task > 400) {
                    wrong.add("client " + client + " still running after 400 reservations");
                    return;
                }
                String key = "kill-" + client + "-" + task;
                long order = openOrder(technicians, client + task, key + "-order", "BOS");
                Map<String, Object> body = Map.of("sku", skus.get((client + task) % skus.size()), "quantity", 1);
                sent.incrementAndGet();
                Reply reply = technicians.post(client + task, "/api/v1/repair-orders/" + order + "/reservations",
                        body, key);
                if (expect(reply, 201, wrong)) {
                    acknowledged.put(key, reply.json().get("id").asLong());
                    bodies.put(key + "@" + order, body);
                }
            }
        });
    }

    /**
     * A node taken out of sync (wsrep_desync, as a backup or a long state transfer does) makes the health check of
     * the instance on it unhealthy, and healthy again once it is back; the instances on the other nodes stay healthy.
     */
    @Test
    @Order(4)
    void theHealthCheckReportsANodeThatIsNotSynced() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (int wait = 0; wait < 300 && !(cluster.synced(1) && cluster.synced(2) && cluster.synced(3)); wait++) {
            Thread.sleep(100);
        }
        try {
            cluster.setDesync(3, true);
            JsonNode desynced = health(http, apps.get(2));
            assertThat(desynced.path("database-cluster").path("healthy").asBoolean()).as(desynced.toString())
                    .isFalse();
            assertThat(desynced.path("database-cluster").path("message").asText()).contains("not serving");
            assertThat(health(http, apps.get(0)).path("database-cluster").path("healthy").asBoolean()).isTrue();
        } finally {
            cluster.setDesync(3, false);
        }
        for (int wait = 0; wait < 50 && !health(http, apps.get(2)).path("database-cluster").path("healthy")
                .asBoolean(); wait++) {
            Thread.sleep(100);
        }
        assertThat(health(http, apps.get(2)).path("database-cluster").path("healthy").asBoolean()).isTrue();
    }

    private static JsonNode health(HttpClient http, TestApp app) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(app.adminUrl() + "/healthcheck"))
                .build(), HttpResponse.BodyHandlers.ofString());
        return ApiClient.JSON.readTree(response.body());
    }

    private static long openOrder(ClusterClients clients, int first, String key) {
        return openOrder(clients, first, key, "NYC");
    }

    private static long openOrder(ClusterClients clients, int first, String key, String depot) {
        Reply order = clients.post(first, "/api/v1/repair-orders", Map.of("depot", depot, "assetTag", key), key);
        assertThat(order.status()).as(order.toString()).isEqualTo(201);
        return order.json().get("id").asLong();
    }

    private static boolean expect(Reply reply, int status, List<String> wrong) {
        if (reply.status() != status) {
            wrong.add(reply.toString());
            return false;
        }
        return true;
    }

    /** check-ledger against each node on its own: every node holds the same, exact ledger. */
    private void assertLedgerExactOnEveryNode() {
        List<Long> counts = new ArrayList<>();
        for (int node = 1; node <= 3; node++) {
            Jdbi jdbi = JdbiSetup.configure(Jdbi.create(cluster.nodeUrl(schema, node), "root", ""));
            jdbi.installPlugin(new SqlObjectPlugin());
            List<String> violations = new LedgerChecker(TestServices.transactions(jdbi)).check(line -> { });
            assertThat(violations).as("check-ledger on node %d", node).isEmpty();
            counts.add(jdbi.withHandle(handle -> handle.createQuery("SELECT COUNT(*) FROM ledger").mapTo(Long.class)
                    .one()));
        }
        assertThat(counts).as("ledger rows on nodes 1, 2, 3").containsOnly(counts.get(0));
    }

    @FunctionalInterface
    private interface ClientWork {
        void run(int client) throws Exception;
    }

    private static void run(int clients, ClientWork work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int client = 0; client < clients; client++) {
                int id = client;
                futures.add(pool.submit(() -> {
                    work.run(id);
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                future.get(5, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
