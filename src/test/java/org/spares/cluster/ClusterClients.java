package org.spares.cluster;

import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.spares.support.ApiClient;
import org.spares.support.ApiClient.Reply;

/**
 * The client docs/API.md describes, over several instances: every POST carries an Idempotency-Key, and a 503 or a
 * broken connection is retried under the same key, on the next instance, after a short random pause. Counts what it
 * retried.
 */
final class ClusterClients {
    private static final int ATTEMPTS = 40;

    private final List<ApiClient> instances;
    final AtomicInteger unavailable = new AtomicInteger();
    final AtomicInteger broken = new AtomicInteger();

    ClusterClients(List<ApiClient> instances) {
        this.instances = instances;
    }

    ApiClient instance(int index) {
        return instances.get(Math.floorMod(index, instances.size()));
    }

    /** The first answer that is neither 503 nor a broken connection, starting at instance {@code first}. */
    Reply post(int first, String path, Object body, String key) {
        for (int attempt = 0; ; attempt++) {
            try {
                Reply reply = instance(first + attempt).post(path, body, key);
                if (reply.status() != 503) {
                    return reply;
                }
                unavailable.incrementAndGet();
                if (attempt + 1 >= ATTEMPTS) {
                    return reply;
                }
            } catch (UncheckedIOException connection) {
                broken.incrementAndGet();
                if (attempt + 1 >= ATTEMPTS) {
                    throw connection;
                }
            }
            pause(attempt);
        }
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(20, 50L * Math.min(attempt + 2, 10)));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }
}
