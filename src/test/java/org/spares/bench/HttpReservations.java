package org.spares.bench;

import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/** One load client over HTTP: POST /repair-orders/{id}/reservations for 1 unit of a random sku of its list. */
final class HttpReservations implements LoadPhase.Client {
    private final HttpLite http;
    private final String token;
    private final String path;
    private final List<String> skus;
    private final String keyPrefix;
    private long sent;

    /** {@code keyPrefix} null sends no Idempotency-Key; else every call gets a new key under that prefix. */
    HttpReservations(HttpLite http, String token, long repairOrderId, List<String> skus, String keyPrefix) {
        this.http = http;
        this.token = token;
        this.path = "/api/v1/repair-orders/" + repairOrderId + "/reservations";
        this.skus = skus;
        this.keyPrefix = keyPrefix;
    }

    @Override
    public boolean call() throws IOException {
        String sku = skus.get(ThreadLocalRandom.current().nextInt(skus.size()));
        String key = keyPrefix == null ? null : keyPrefix + "-" + sent;
        sent++;
        HttpLite.Response response = http.send("POST", path, token, "{\"sku\":\"" + sku + "\",\"quantity\":1}", key);
        if (response.status() != 201) {
            throw new IOException("answered " + response.status() + ": " + response.body());
        }
        return true;
    }

    @Override
    public void close() {
        http.close();
    }
}
