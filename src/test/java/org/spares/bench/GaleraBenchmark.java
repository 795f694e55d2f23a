package org.spares.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reservations over one or more instances (bench/galera/run.sh starts them on a single MariaDB or on the nodes of
 * the Galera cluster): closed loop, every call one reservation of 1 unit with an Idempotency-Key, retried under the
 * same key on the next instance after a 503 (as docs/API.md tells clients). Spread over many positions and on one hot
 * position. Prints Markdown rows: reservations per second, p50 and p99 latency (retries included), the 503 answers
 * the clients saw and the transactions the service retried (its {@code spares.transactions.retried} meter), per 100
 * reservations. With {@code --nodeLoss N}: one spread phase during which node N is killed (SIGKILL) and restarted,
 * reported second by second with the time to recover.
 */
public final class GaleraBenchmark {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient METRICS = HttpClient.newHttpClient();

    private GaleraBenchmark() {
    }

    public static void main(String[] arguments) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < arguments.length; i += 2) {
            options.put(arguments[i].replaceFirst("^--", ""), arguments[i + 1]);
        }
        int[] ports = Arrays.stream(options.get("ports").split(",")).mapToInt(Integer::parseInt).toArray();
        String label = options.getOrDefault("label", ports.length + " instance(s)");
        int clients = Integer.parseInt(options.getOrDefault("clients", "24"));
        long seconds = Long.parseLong(options.getOrDefault("seconds", "12"));
        long warmup = Long.parseLong(options.getOrDefault("warmup", "20"));
        int parts = Integer.parseInt(options.getOrDefault("parts", "200"));
        BenchFixture fixture;
        try (HttpLite setup = new HttpLite("127.0.0.1", ports[0])) {
            fixture = BenchFixture.create(setup, options.get("token"), parts, 8, clients, 4);
        }
        List<String> hot = List.of(BenchFixture.HOT_SKU);
        phase(ports, fixture, clients, warmup, fixture.skus, "warm");
        if (options.containsKey("nodeLoss")) {
            nodeLoss(ports, fixture, clients, seconds, Integer.parseInt(options.get("nodeLoss")));
            return;
        }
        for (String scenario : List.of("spread", "hot")) {
            List<String> skus = scenario.equals("spread") ? fixture.skus : hot;
            long retriedBefore = retried(ports);
            Measured measured = phase(ports, fixture, clients, seconds, skus, scenario);
            long retried = retried(ports) - retriedBefore;
            LoadPhase.Result result = measured.result();
            System.out.printf(Locale.ROOT, "| %s | %s | %d | %.0f | %.1f | %.1f | %.2f | %.2f | %d |%n", label,
                    scenario.equals("spread") ? "spread over " + skus.size() + " positions" : "one hot position",
                    clients, result.throughput(), result.percentileMillis(50), result.percentileMillis(99),
                    100.0 * measured.counters().unavailable().get() / Math.max(1, result.successes()),
                    100.0 * retried / Math.max(1, result.successes()), result.errors());
        }
    }

    private record Measured(LoadPhase.Result result, ClusterReservations.Counters counters) {
    }

    private static Measured phase(int[] ports, BenchFixture fixture, int clients, long seconds, List<String> skus,
            String name) throws InterruptedException {
        ClusterReservations.Counters counters = ClusterReservations.Counters.start((int) seconds);
        LoadPhase.Result result = LoadPhase.run(clients, seconds * 1000, index -> {
            List<HttpLite> instances = new ArrayList<>();
            for (int port : ports) {
                instances.add(new HttpLite("127.0.0.1", port));
            }
            return new ClusterReservations(instances, index % ports.length,
                    fixture.technicianTokens.get(index % fixture.technicianTokens.size()),
                    fixture.repairOrders.get(index % fixture.repairOrders.size()), skus,
                    name + "-" + System.nanoTime() + "-" + index, counters);
        });
        if (result.firstError() != null) {
            System.err.println(name + ": first error: " + result.firstError());
        }
        return new Measured(result, counters);
    }

    /** Kills the node at a third of the phase, restarts it five seconds later, and reports each second. */
    private static void nodeLoss(int[] ports, BenchFixture fixture, int clients, long seconds, int node)
            throws Exception {
        long killAt = seconds / 3;
        long[] restartMillis = {0};
        Thread killer = new Thread(() -> {
            try {
                Thread.sleep(killAt * 1000);
                cluster("kill", node);
                Thread.sleep(5_000);
                long started = System.nanoTime();
                cluster("restart", node);
                restartMillis[0] = (System.nanoTime() - started) / 1_000_000;
            } catch (IOException | InterruptedException failure) {
                throw new IllegalStateException(failure);
            }
        });
        killer.start();
        Measured measured = phase(ports, fixture, clients, seconds, fixture.skus, "loss");
        killer.join();
        ClusterReservations.Counters counters = measured.counters();
        double before = 0;
        for (int second = 1; second < killAt; second++) {
            before += counters.perSecond().get(second);
        }
        before /= Math.max(1, killAt - 1);
        StringBuilder bySecond = new StringBuilder();
        long recovered = -1;
        for (int second = 0; second < seconds; second++) {
            long done = counters.perSecond().get(second);
            bySecond.append(second).append(':').append(done);
            long refused = counters.unavailablePerSecond().get(second);
            if (refused > 0) {
                bySecond.append("(503x").append(refused).append(')');
            }
            bySecond.append(' ');
            if (recovered < 0 && second > killAt && done >= 0.8 * before) {
                recovered = second - killAt;
            }
        }
        LoadPhase.Result result = measured.result();
        System.out.printf(Locale.ROOT, "node %d killed at %d s, restarted at %d s (rejoined, Synced, in %.1f s)%n",
                node, killAt, killAt + 5, restartMillis[0] / 1000.0);
        System.out.printf(Locale.ROOT, "reservations per second before the loss: %.0f; back to 80%% of it %s after"
                + " the kill%n", before, recovered < 0 ? "never" : "within " + recovered + " s");
        System.out.printf(Locale.ROOT, "%d acknowledged, p50 %.1f ms, p99 %.1f ms, slowest %.0f ms; clients saw %d"
                + " 503s and %d broken connections; %d calls failed%n", result.successes(),
                result.percentileMillis(50), result.percentileMillis(99), result.percentileMillis(100),
                counters.unavailable().get(), counters.broken().get(), result.errors());
        System.out.println("acknowledged per second (503s): " + bySecond.toString().strip());
    }

    private static void cluster(String command, int node) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("bash", "bench/galera/cluster.sh", command, String.valueOf(node))
                .inheritIO().start();
        if (process.waitFor() != 0) {
            throw new IOException("cluster.sh " + command + " " + node + " failed");
        }
    }

    /** The service's retried transactions, summed over the instances (admin port = port + 1). */
    private static long retried(int[] ports) throws IOException, InterruptedException {
        long sum = 0;
        for (int port : ports) {
            HttpResponse<String> metrics = METRICS.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + (port + 1) + "/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode meter = JSON.readTree(metrics.body()).path("meters").path("spares.transactions.retried");
            sum += meter.path("count").asLong();
        }
        return sum;
    }
}
