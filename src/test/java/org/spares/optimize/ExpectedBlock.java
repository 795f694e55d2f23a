package org.spares.optimize;

import static org.assertj.core.api.Assertions.assertThat;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;


/** A solve vector's {@code expected} block (docs/OPTIMIZER.md, "What solved means") held against a plan. */
final class ExpectedBlock {
    private ExpectedBlock() {
    }

    /** Cost within 1e-6 relative and OPTIMAL, the same stock levels where unique; for the large case, maxCost. */
    static void assertMet(JsonNode expected, Plan plan) {
        if (expected.has("maxCost")) {
            assertThat(plan.annualHoldingCost()).isLessThanOrEqualTo(expected.get("maxCost").asDouble());
            return;
        }
        double cost = expected.get("annualHoldingCost").asDouble();
        assertThat(Math.abs(plan.annualHoldingCost() - cost)).isLessThanOrEqualTo(1e-6 * cost);
        assertThat(plan.status()).isEqualTo(PlanStatus.OPTIMAL);
        if (!expected.get("unique").asBoolean()) {
            return;
        }
        Map<String, Integer> levels = new HashMap<>();
        plan.positions().forEach(position -> levels.put(position.depot() + "/" + position.sku(),
                position.stockLevel()));
        for (JsonNode level : expected.get("stockLevels")) {
            assertThat(levels.get(level.get("depot").asText() + "/" + level.get("sku").asText()))
                    .as(level.toString()).isEqualTo(level.get("stockLevel").asInt());
        }
    }
}
