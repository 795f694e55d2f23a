package org.spares.bench;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * One load client over several instances, as docs/API.md's client: POST a reservation of 1 unit with an
 * Idempotency-Key, and on a 503 or a broken connection send it again, same key, to the next instance. A call is one
 * reservation acknowledged (its latency includes the retries); what was retried is counted, and acknowledgements
 * are counted per second of the phase, to see a node loss and the recovery.
 */
final class ClusterReservations implements LoadPhase.Client {
    private static final int ATTEMPTS = 50;

    /** Shared by every client of a phase. */
    record Counters(AtomicLong unavailable, AtomicLong broken, AtomicLongArray perSecond,
            AtomicLongArray unavailablePerSecond, long startNanos) {
        static Counters start(int seconds) {
            return new Counters(new AtomicLong(), new AtomicLong(), new AtomicLongArray(seconds + 5),
                    new AtomicLongArray(seconds + 5), System.nanoTime());
        }

        int second() {
            return (int) Math.min((System.nanoTime() - startNanos) / 1_000_000_000L, perSecond.length() - 1);
        }
    }

    private final List<HttpLite> instances;
    private final int home;
    private final String token;
    private final String path;
    private final List<String> skus;
    private final String keyPrefix;
    private final Counters counters;
    private long sent;

    ClusterReservations(List<HttpLite> instances, int home, String token, long repairOrderId, List<String> skus,
            String keyPrefix, Counters counters) {
        this.instances = instances;
        this.home = home;
        this.token = token;
        this.path = "/api/v1/repair-orders/" + repairOrderId + "/reservations";
        this.skus = skus;
        this.keyPrefix = keyPrefix;
        this.counters = counters;
    }

    @Override
    public boolean call() throws Exception {
        String body = "{\"sku\":\"" + skus.get(ThreadLocalRandom.current().nextInt(skus.size())) + "\",\"quantity\":1}";
        String key = keyPrefix + "-" + sent++;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            HttpLite instance = instances.get((home + attempt) % instances.size());
            try {
                HttpLite.Response response = instance.send("POST", path, token, body, key);
                if (response.status() == 201) {
                    counters.perSecond().incrementAndGet(counters.second());
                    return true;
                }
                if (response.status() == 408) {
                    // Jetty's answer to a keep-alive connection idle past its timeout (this client's connections to
                    // the instances it is not homed on), read before this request's: the request was not taken.
                    counters.broken().incrementAndGet();
                    instance.close();
                    continue;
                }
                if (response.status() != 503) {
                    throw new IOException("answered " + response.status() + ": " + response.body());
                }
                counters.unavailable().incrementAndGet();
                counters.unavailablePerSecond().incrementAndGet(counters.second());
            } catch (IOException broken) {
                if (broken.getMessage() != null && broken.getMessage().startsWith("answered ")) {
                    throw broken;
                }
                counters.broken().incrementAndGet();
                instance.close();
            }
            Thread.sleep(ThreadLocalRandom.current().nextLong(5, 20L * (attempt + 2)));
        }
        throw new IOException("no answer but 503 after " + ATTEMPTS + " attempts");
    }

    @Override
    public void close() {
        instances.forEach(HttpLite::close);
    }
}
