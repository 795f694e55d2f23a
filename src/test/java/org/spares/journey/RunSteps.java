package org.spares.journey;

import static org.assertj.core.api.Assertions.assertThat;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.data.Offset;
import org.spares.support.ApiClient;
import org.spares.support.ApiClient.Reply;
import org.spares.support.Runs;


/** A manager's steps with optimization runs, shared by the journeys. */
final class RunSteps {
    private RunSteps() {
    }

    /** Starts a run over the depots and waits for it: it must succeed. */
    static long succeeded(ApiClient client, List<String> depots, int historyDays) {
        Reply created = client.post("/api/v1/optimizations", Map.of("depots", depots, "historyDays", historyDays));
        assertThat(created.status()).as(created.body()).isEqualTo(202);
        long id = created.json().get("id").asLong();
        JsonNode run = Runs.waitForEnd(client, id);
        assertThat(run.get("status").asText()).as(depots + " over " + historyDays + " days: " + run)
                .isEqualTo("SUCCEEDED");
        return id;
    }

    /** The run's exported model, solved again through /optimizer/solve, recommends the same levels at the same cost. */
    static void assertModelReplaysToTheSamePlan(ApiClient client, long id) {
        Reply model = client.get("/api/v1/optimizations/" + id + "/model");
        assertThat(model.status()).as(model.body()).isEqualTo(200);
        Reply solved = client.post("/api/v1/optimizer/solve", model.body());
        assertThat(solved.status()).as(solved.body()).isEqualTo(200);
        Map<String, Integer> replayed = new HashMap<>();
        for (JsonNode position : solved.json().get("positions")) {
            replayed.put(position.get("depot").asText() + "/" + position.get("sku").asText(),
                    position.get("stockLevel").asInt());
        }
        JsonNode items = client.get("/api/v1/optimizations/" + id + "/recommendations?limit=500").json()
                .get("items");
        assertThat(items).isNotEmpty();
        for (JsonNode item : items) {
            String key = item.get("depot").asText() + "/" + item.get("sku").asText();
            assertThat(replayed.getOrDefault(key, 0)).as("replayed level of " + key)
                    .isEqualTo(item.get("recommendedTargetLevel").asInt());
        }
        JsonNode run = client.get("/api/v1/optimizations/" + id).json();
        double recommended = run.get("summary").get("recommendedAnnualHoldingCost").asDouble();
        assertThat(solved.json().get("annualHoldingCost").asDouble()).as("replayed cost")
                .isCloseTo(recommended, Offset.offset(0.01 + 1e-9 * recommended));
    }

    /** Every applied level's policy history names the run. */
    static void assertPolicyHistoryNamesTheRun(ApiClient client, long id, String depot) {
        JsonNode items = client.get("/api/v1/optimizations/" + id + "/recommendations?depot=" + depot + "&limit=500")
                .json().get("items");
        JsonNode changed = null;
        for (JsonNode item : items) {
            if (item.get("recommendedTargetLevel").asInt() != item.get("currentTargetLevel").asInt()) {
                changed = item;
                break;
            }
        }
        assertThat(changed).as("a run over the demo history changes some level at " + depot).isNotNull();
        String sku = changed.get("sku").asText();
        JsonNode history = client.get("/api/v1/depots/" + depot + "/stock/" + sku + "/policy-history?limit=500")
                .json().get("items");
        JsonNode last = history.get(history.size() - 1);
        assertThat(last.get("source").asText()).isEqualTo("OPTIMIZATION");
        assertThat(last.get("optimizationId").asLong()).isEqualTo(id);
        assertThat(last.get("newTargetLevel").asInt()).isEqualTo(changed.get("recommendedTargetLevel").asInt());
    }
}
