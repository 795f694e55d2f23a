package org.spares.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Benchmark of POST /repair-orders/{id}/reservations over HTTP with auth against a running service, and of the
 * same database work as raw JDBC in the same run, at several client counts, spread over many positions and on one
 * hot position. Prints a Markdown table. bench/reservations/run.sh starts the service and runs this.
 *
 * <p>Arguments, {@code --name value}: port, token (an ADMIN's), jdbc, dbUser, dbPassword, seconds (per phase),
 * warmup (seconds), clients (comma-separated), parts, servicePid and dbPid (optional: CPU per reservation).
 */
public final class ReservationBenchmark {
    /** A phase's result with the CPU milliseconds per successful call of the service, the database and this client. */
    record Measured(LoadPhase.Result result, double serviceCpuMs, double dbCpuMs, double clientCpuMs) {
    }

    private static long servicePid;
    private static long dbPid;

    private ReservationBenchmark() {
    }

    private static Measured measure(String name, int clients, long millis, LoadPhase.ClientFactory factory)
            throws InterruptedException {
        double service = ProcessCpu.seconds(servicePid);
        double db = ProcessCpu.seconds(dbPid);
        double client = ProcessCpu.self();
        LoadPhase.Result result = LoadPhase.run(clients, millis, factory);
        double calls = Math.max(1, result.successes());
        Measured measured = new Measured(result, (ProcessCpu.seconds(servicePid) - service) * 1000 / calls,
                (ProcessCpu.seconds(dbPid) - db) * 1000 / calls, (ProcessCpu.self() - client) * 1000 / calls);
        report(name, measured);
        return measured;
    }

    public static void main(String[] arguments) throws Exception {
        Map<String, String> options = options(arguments);
        int port = Integer.parseInt(options.getOrDefault("port", "18480"));
        String adminToken = required(options, "token");
        String jdbc = required(options, "jdbc");
        String dbUser = options.getOrDefault("dbUser", "root");
        String dbPassword = options.getOrDefault("dbPassword", "");
        long phaseMillis = Long.parseLong(options.getOrDefault("seconds", "12")) * 1000L;
        long warmupMillis = Long.parseLong(options.getOrDefault("warmup", "60")) * 1000L;
        int[] clientCounts = Arrays.stream(options.getOrDefault("clients", "8,32,64").split(","))
                .mapToInt(Integer::parseInt).toArray();
        int parts = Integer.parseInt(options.getOrDefault("parts", "500"));
        int maxClients = Arrays.stream(clientCounts).max().orElse(64);
        servicePid = Long.parseLong(options.getOrDefault("servicePid", "0"));
        dbPid = Long.parseLong(options.getOrDefault("dbPid", "0"));

        long started = System.nanoTime();
        BenchFixture fixture;
        try (HttpLite setup = new HttpLite("127.0.0.1", port)) {
            fixture = BenchFixture.create(setup, adminToken, parts, 8, maxClients, 4);
        }
        JdbcReservations.Ids ids = JdbcReservations.Ids.load(jdbc, dbUser, dbPassword);
        log("fixture ready in %.1f s: %d parts, %d technicians, %d repair orders", (System.nanoTime() - started) / 1e9,
                fixture.skus.size(), fixture.technicianTokens.size(), fixture.repairOrders.size());

        List<String> hot = List.of(BenchFixture.HOT_SKU);
        Scenarios scenarios = new Scenarios(port, fixture, jdbc, dbUser, dbPassword, ids);
        log("warming up %d s", warmupMillis / 1000);
        measure("warm-up http spread", 32, warmupMillis, scenarios.http(fixture.skus, false));
        measure("warm-up http hot", 32, warmupMillis / 4, scenarios.http(hot, false));
        measure("warm-up jdbc spread", 32, warmupMillis / 4, scenarios.jdbc(fixture.skus));

        StringBuilder table = new StringBuilder()
                .append("| clients | scenario | HTTP reservations/s | p50 ms | p99 ms | errors"
                        + " | raw JDBC, core /s (p50 / p99 ms) | HTTP / core"
                        + " | raw JDBC, whole request /s (p50 / p99 ms) | HTTP / whole request"
                        + " | CPU ms per HTTP reservation: service + DB + client"
                        + " | CPU ms per JDBC reservation, core: DB + client |\n")
                .append("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n");
        for (String scenario : List.of("spread", "hot")) {
            List<String> skus = scenario.equals("spread") ? fixture.skus : hot;
            String name = scenario.equals("spread") ? "spread over " + skus.size() + " positions" : "one hot position";
            for (int clients : clientCounts) {
                Measured http = measure("http " + scenario + " x" + clients, clients, phaseMillis,
                        scenarios.http(skus, false));
                Measured core = measure("jdbc core " + scenario + " x" + clients, clients, phaseMillis,
                        scenarios.jdbc(skus));
                Measured whole = measure("jdbc whole request " + scenario + " x" + clients, clients, phaseMillis,
                        scenarios.jdbcWholeRequest(skus));
                table.append(row(clients, name, http, core, whole));
            }
        }
        LoadPhase.Result keyed = measure("http spread x32 with Idempotency-Key", 32, phaseMillis,
                scenarios.http(fixture.skus, true)).result();
        String extra = String.format(Locale.ROOT, "%nWith an Idempotency-Key on every request (32 clients, spread):"
                + " %.0f/s, p50 %.1f ms, p99 %.1f ms, %d errors.%n", keyed.throughput(), keyed.percentileMillis(50),
                keyed.percentileMillis(99), keyed.errors());
        System.out.println();
        System.out.print(table);
        System.out.print(extra);
        System.out.println();
        System.out.println(consistency(jdbc, dbUser, dbPassword));
    }

    private static String row(int clients, String scenario, Measured httpPhase, Measured corePhase,
            Measured wholePhase) {
        LoadPhase.Result http = httpPhase.result();
        LoadPhase.Result core = corePhase.result();
        LoadPhase.Result whole = wholePhase.result();
        return String.format(Locale.ROOT, "| %d | %s | %.0f | %.1f | %.1f | %d | %.0f (%.1f / %.1f) | %.0f %% "
                        + "| %.0f (%.1f / %.1f) | %.0f %% | %.2f + %.2f + %.2f | %.2f + %.2f |%n",
                clients, scenario, http.throughput(), http.percentileMillis(50), http.percentileMillis(99),
                http.errors(), core.throughput(), core.percentileMillis(50), core.percentileMillis(99),
                100.0 * http.throughput() / core.throughput(), whole.throughput(), whole.percentileMillis(50),
                whole.percentileMillis(99), 100.0 * http.throughput() / whole.throughput(), httpPhase.serviceCpuMs(),
                httpPhase.dbCpuMs(), httpPhase.clientCpuMs(), corePhase.dbCpuMs(), corePhase.clientCpuMs());
    }

    private static void report(String phase, Measured measured) {
        LoadPhase.Result result = measured.result();
        log("%-40s %7.0f/s  p50 %6.1f ms  p99 %6.1f ms  errors %d  CPU ms/call service %.2f db %.2f client %.2f%s",
                phase, result.throughput(), result.percentileMillis(50), result.percentileMillis(99), result.errors(),
                measured.serviceCpuMs(), measured.dbCpuMs(), measured.clientCpuMs(),
                result.firstError() == null ? "" : "  first error: " + result.firstError());
    }

    /** The invariant the load must keep: every position's reserved units are exactly its HELD reservations. */
    private static String consistency(String url, String user, String password) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, user, password);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("""
                        SELECT COUNT(*), SUM(CASE WHEN p.reserved = COALESCE(h.units, 0) AND p.reserved <= p.on_hand
                                                  THEN 1 ELSE 0 END),
                               (SELECT COUNT(*) FROM reservations WHERE status = 'HELD'),
                               (SELECT COUNT(*) FROM state_changes WHERE entity = 'RESERVATION')
                          FROM positions p
                          LEFT JOIN (SELECT position_id, SUM(quantity) AS units FROM reservations
                                      WHERE status = 'HELD' GROUP BY position_id) h ON h.position_id = p.id
                        """)) {
            rows.next();
            return String.format("Check after the run: %d of %d positions have reserved = their HELD reservations"
                    + " and reserved <= onHand; %d HELD reservations, %d reservation audit rows.", rows.getLong(2),
                    rows.getLong(1), rows.getLong(3), rows.getLong(4));
        }
    }

    private static Map<String, String> options(String[] arguments) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < arguments.length; i += 2) {
            options.put(arguments[i].replaceFirst("^--", ""), arguments[i + 1]);
        }
        return options;
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return value;
    }

    static void log(String format, Object... values) {
        System.err.printf(Locale.ROOT, format + "%n", values);
    }
}
