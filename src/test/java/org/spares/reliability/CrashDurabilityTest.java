package org.spares.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.spares.config.DatabaseSetup;
import org.spares.db.JdbiSetup;
import org.spares.domain.Role;
import org.spares.service.LedgerChecker;
import org.spares.service.UserService.NewUser;
import org.spares.support.ApiClient;
import org.spares.support.ApiClient.Reply;
import org.spares.support.ChildService;
import org.spares.support.Fixtures;
import org.spares.support.TestDatabase;
import org.spares.support.TestServices;


/**
 * kill -9 under load loses nothing that was answered. The service runs as a child JVM on the shipped config.yml
 * (H2 file database in a temporary directory, or a fresh MariaDB schema with SPARES_TEST_DB_URL); clients reserve
 * with an Idempotency-Key on every POST; the JVM is killed mid-load and started again. Then every reservation
 * answered 201 is there under its id, a retry of each key that got no answer answers once, every key maps to its
 * own reservation and the database holds exactly those (no id handed out twice), and check-ledger is clean.
 * On the way it checks that the admin port and H2's AUTO_SERVER port listen on loopback only.
 */
class CrashDurabilityTest {
    private static final int CLIENTS = 6;
    private static final int ORDERS = 6;
    private static final long LOAD_MILLIS = 3_000;

    @TempDir
    Path directory;

    /** Key to the reservation answered 201 under it. */
    private final Map<String, Answered> acknowledged = new ConcurrentHashMap<>();
    /** Key to the order of a request that got no answer: the kill came while it was in flight. */
    private final Map<String, Long> unanswered = new ConcurrentHashMap<>();
    private final AtomicInteger otherAnswers = new AtomicInteger();
    private ChildService service;
    private TestDatabase mysql;

    @AfterEach
    void cleanUp() throws InterruptedException {
        if (service != null) {
            service.kill();
        }
        if (mysql != null) {
            mysql.drop();
        }
    }

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void killedMidLoadLosesNoAnsweredReservation() throws Exception {
        Map<String, String> environment = new HashMap<>(Map.of("SPARES_RATE_LIMIT_PER_SECOND", "0"));
        if (TestDatabase.usesMySql()) {
            mysql = TestDatabase.mysql(System.getenv(TestDatabase.ENV));
            environment.put("SPARES_DB_URL", mysql.url());
            environment.put("SPARES_DB_USER", mysql.user());
            environment.put("SPARES_DB_PASSWORD", mysql.password());
        }
        // The user is made here, on the database the child will use, which saves starting a JVM for add-user.
        String token = TestServices.services(TestServices.transactions(migratedJdbi()), Clock.systemUTC()).users()
                .createByOperator(new NewUser("crash-admin", Role.ADMIN, List.of())).token();
        service = new ChildService(directory, environment);
        service.start();
        assertPortsLocal();
        List<Long> orders = prepare(new ApiClient(service.baseUrl(), token));

        double perSecond = reserveUntilKilled(new ApiClient(service.baseUrl(), token), orders);
        System.out.printf("crash test load: %.1f reservations/s answered before kill -9%n", perSecond);
        assertThat(acknowledged).as("reservations answered before the kill").isNotEmpty();
        assertThat(otherAnswers.get()).as("answers other than 201 under load").isZero();

        service.start();
        ApiClient client = new ApiClient(service.baseUrl(), token);
        Map<String, Long> idByKey = new ConcurrentHashMap<>();
        int replayed = verifyAcknowledged(client, idByKey);
        for (Map.Entry<String, Long> lost : unanswered.entrySet()) {
            Reply retry = retried(() -> reserve(client, lost.getValue(), lost.getKey()));
            if (retry.status() != 201) {
                // What held the lock shows only in the restarted service's own log, which the temporary directory
                // takes with it.
                System.out.println("restarted service's log:\n" + service.log());
            }
            assertThat(retry.status()).as("retry of " + lost.getKey() + ": " + retry).isEqualTo(201);
            idByKey.put(lost.getKey(), retry.json().get("id").asLong());
        }
        service.stop();
        service = null;

        assertThat(new HashSet<>(idByKey.values())).as("one reservation per key, no id given twice")
                .hasSize(idByKey.size());
        Jdbi jdbi = directJdbi();
        List<Long> stored = jdbi.withHandle(handle -> handle.select("SELECT id FROM reservations")
                .mapTo(Long.class).list());
        assertThat(new HashSet<>(stored)).as("the stored reservations are exactly those the keys answered")
                .isEqualTo(new HashSet<>(idByKey.values()));
        assertThat(new LedgerChecker(TestServices.transactions(jdbi)).check(line -> { })).as("check-ledger").isEmpty();
        System.out.printf("crash test (%s): %.0f reservations/s under load, %d answered before kill -9, all present"
                + " (%d replayed), %d in flight retried once%n", TestDatabase.usesMySql() ? "MariaDB" : "H2",
                perSecond, acknowledged.size(), replayed, unanswered.size());
    }

    /**
     * The admin port (unauthenticated tasks and metrics) and H2's AUTO_SERVER port (named in H2's lock file)
     * listen on loopback only: both answer on 127.0.0.1 and neither on this machine's other address.
     */
    private void assertPortsLocal() throws Exception {
        List<Integer> ports = new ArrayList<>(List.of(URI.create(service.adminUrl()).getPort()));
        if (mysql == null) {
            Properties lock = new Properties();
            try (InputStream input = Files.newInputStream(directory.resolve("data/spares.lock.db"))) {
                lock.load(input);
            }
            String server = lock.getProperty("server");
            ports.add(Integer.parseInt(server.substring(server.lastIndexOf(':') + 1)));
        }
        InetAddress outside = nonLoopbackAddress();
        for (int port : ports) {
            try (Socket local = new Socket()) {
                local.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 2_000);
            }
            if (outside != null) {
                try (Socket socket = new Socket()) {
                    assertThatThrownBy(() -> socket.connect(new InetSocketAddress(outside, port), 2_000))
                            .as("port " + port + " on " + outside).isInstanceOf(IOException.class);
                }
            }
        }
    }

    private static InetAddress nonLoopbackAddress() throws IOException {
        for (NetworkInterface network : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            for (InetAddress address : Collections.list(network.getInetAddresses())) {
                if (network.isUp() && !address.isLoopbackAddress() && address instanceof Inet4Address) {
                    return address;
                }
            }
        }
        return null;
    }

    /** A depot, a part with plenty of stock, and the repair orders the clients reserve for. */
    private static List<Long> prepare(ApiClient admin) {
        Fixtures.depot(admin, "NYC");
        Fixtures.part(admin, "P1", 1.0);
        Fixtures.receive(admin, "NYC", "P1", 1_000_000, 1.0);
        List<Long> orders = new ArrayList<>();
        for (int order = 0; order < ORDERS; order++) {
            orders.add(Fixtures.repairOrder(admin, "NYC", "NORMAL"));
        }
        return orders;
    }

    /** Clients reserve without pause; after LOAD_MILLIS the service is killed. Returns answers per second. */
    private double reserveUntilKilled(ApiClient client, List<Long> orders) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        List<Future<?>> clients = new ArrayList<>();
        for (int index = 0; index < CLIENTS; index++) {
            int clientNumber = index;
            clients.add(pool.submit(() -> reserveUntilRefused(client, clientNumber, orders.get(clientNumber % ORDERS))));
        }
        long started = System.nanoTime();
        Thread.sleep(LOAD_MILLIS);
        int answered = acknowledged.size();
        double seconds = (System.nanoTime() - started) / 1e9;
        service.kill();
        for (Future<?> running : clients) {
            running.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        return answered / seconds;
    }

    private void reserveUntilRefused(ApiClient client, int clientNumber, long order) {
        for (int attempt = 0; ; attempt++) {
            String key = "crash-" + clientNumber + "-" + attempt;
            try {
                Reply reply = reserve(client, order, key);
                if (reply.status() == 201) {
                    acknowledged.put(key, new Answered(order, reply.json().get("id").asLong()));
                } else {
                    otherAnswers.incrementAndGet();
                    System.err.println("under load: " + reply);
                }
            } catch (UncheckedIOException killed) {
                unanswered.put(key, order);
                return;
            }
        }
    }

    private record Answered(long order, long id) {
    }

    /**
     * Every answered reservation is there under its id, for its order; a replay of its key answers the same id.
     * Returns how many keys were replayed.
     */
    private int verifyAcknowledged(ApiClient client, Map<String, Long> idByKey) {
        int replayed = 0;
        for (Map.Entry<String, Answered> answered : acknowledged.entrySet()) {
            long id = answered.getValue().id();
            long order = answered.getValue().order();
            Reply stored = retried(() -> client.get("/api/v1/reservations/" + id));
            assertThat(stored.status()).as("answered reservation " + id + " after the crash").isEqualTo(200);
            assertThat(stored.json().get("repairOrderId").asLong()).as("order of reservation " + id)
                    .isEqualTo(order);
            Reply replay = retried(() -> reserve(client, order, answered.getKey()));
            assertThat(replay.json().get("id").asLong()).as("replay of " + answered.getKey()).isEqualTo(id);
            replayed++;
            idByKey.put(answered.getKey(), id);
        }
        return replayed;
    }

    private static Reply reserve(ApiClient client, long order, String key) {
        return client.post("/api/v1/repair-orders/" + order + "/reservations", Map.of("sku", "P1", "quantity", 1),
                key);
    }

    /** A pooled connection of the client may still point at the killed JVM: a request on it is sent again. */
    private static Reply retried(Supplier<Reply> request) {
        for (int attempt = 1; ; attempt++) {
            try {
                return request.get();
            } catch (UncheckedIOException broken) {
                if (attempt == 3) {
                    throw broken;
                }
            }
        }
    }

    /**
     * The database the child uses, opened by this JVM while no child runs: before the first start (the changelog
     * applied; the H2 file closes with the last connection), and after the last stop.
     */
    private Jdbi migratedJdbi() {
        Jdbi jdbi = directJdbi();
        DatabaseSetup.migrate(mysql != null ? mysql.dataSource()
                : TestDatabase.at(h2Url(), "root", "").dataSource());
        return jdbi;
    }

    private String h2Url() {
        return "jdbc:h2:file:" + directory.resolve("data/spares").toAbsolutePath()
                + ";MODE=MySQL;DATABASE_TO_UPPER=FALSE;CASE_INSENSITIVE_IDENTIFIERS=TRUE";
    }

    private Jdbi directJdbi() {
        Jdbi jdbi = JdbiSetup.configure(mysql != null ? Jdbi.create(mysql.url(), mysql.user(), mysql.password())
                : Jdbi.create(h2Url(), "root", ""));
        jdbi.installPlugin(new SqlObjectPlugin());
        return jdbi;
    }
}
