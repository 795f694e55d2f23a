package org.spares.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/** Waiting for an optimization run, as a client polling the API does. */
public final class Runs {
    private Runs() {
    }

    /** Polls the run until it has ended (neither QUEUED nor RUNNING) and answers it; fails after 120 s. */
    public static JsonNode waitForEnd(ApiClient client, long id) {
        Instant deadline = Instant.now().plusSeconds(120);
        while (Instant.now().isBefore(deadline)) {
            JsonNode run = client.get("/api/v1/optimizations/" + id).json();
            String status = run.get("status").asText();
            if (!status.equals("QUEUED") && !status.equals("RUNNING")) {
                return run;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(interrupted);
            }
        }
        throw new AssertionError("optimization " + id + " did not end within 120 s");
    }
}
