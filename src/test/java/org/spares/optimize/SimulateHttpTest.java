package org.spares.optimize;

import static org.assertj.core.api.Assertions.assertThat;
import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.spares.config.SparesConfiguration;
import org.spares.domain.Role;
import org.spares.support.ApiClient;
import org.spares.support.ApiClient.Reply;
import org.spares.support.Fixtures;
import org.spares.support.TestApp;

/** POST /optimizer/simulate over real HTTP: the answer's shape, its errors, its roles and Idempotency-Key. */
@ExtendWith(DropwizardExtensionsSupport.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SimulateHttpTest {
    private static final TestApp APP = TestApp.create();
    @RegisterExtension
    static final DropwizardAppExtension<SparesConfiguration> EXTENSION = APP.extension();

    private static final String MODEL = """
            "parts": [{"sku": "VALVE-A", "unitCost": 640.0}, {"sku": "PUMP-B", "unitCost": 90.0}],
            "depots": [{"code": "ATL", "repairOrdersPerDay": 1.5, "maxPartsWaitHours": 40},
                       {"code": "BOS"}],
            "demand": [{"depot": "ATL", "sku": "VALVE-A", "ratePerDay": 0.12, "leadTimeDays": 21},
                       {"depot": "ATL", "sku": "PUMP-B", "ratePerDay": 0.4, "leadTimeDays": 10,
                        "varianceToMeanRatio": 2.5},
                       {"depot": "BOS", "sku": "PUMP-B", "ratePerDay": 0.2, "leadTimeDays": 14}]""";

    private ApiClient finance;

    @BeforeAll
    void setUp() {
        finance = APP.client(APP.token(Role.FINANCE));
    }

    private static String body(String extra) {
        return "{" + MODEL + (extra.isEmpty() ? "" : ", " + extra) + "}";
    }

    @Test
    void givenLevelsAreSimulatedNextToThePredictions() {
        Reply reply = finance.post("/api/v1/optimizer/simulate", body("""
                "stockLevels": [{"depot": "ATL", "sku": "VALVE-A", "stockLevel": 4},
                                {"depot": "ATL", "sku": "PUMP-B", "stockLevel": 6}],
                "replications": 50, "days": 200, "seed": 9, "confidence": 0.99"""));
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        JsonNode json = reply.json();
        assertThat(json.get("replications").asInt()).isEqualTo(50);
        assertThat(json.get("days").asInt()).isEqualTo(200);
        assertThat(json.get("seed").asLong()).isEqualTo(9);
        assertThat(json.get("confidence").asDouble()).isEqualTo(0.99);
        assertThat(json.get("depots")).hasSize(2);
        JsonNode atlanta = json.get("depots").get(0);
        assertThat(atlanta.get("depot").asText()).isEqualTo("ATL");
        for (String measure : new String[] {"fillRate", "expectedBackorders", "partsWaitHours"}) {
            assertThat(atlanta.at("/predicted/" + measure).isNumber()).as(measure).isTrue();
            JsonNode estimate = atlanta.at("/simulated/" + measure);
            assertThat(estimate.get("low").asDouble()).isLessThanOrEqualTo(estimate.get("mean").asDouble());
            assertThat(estimate.get("mean").asDouble()).isLessThanOrEqualTo(estimate.get("high").asDouble());
        }
        // BOS holds nothing: no stock, every demand backordered, and no repair orders to turn into hours
        JsonNode boston = json.get("depots").get(1);
        assertThat(boston.at("/predicted/fillRate").asDouble()).isZero();
        assertThat(boston.at("/simulated/fillRate/mean").asDouble()).isZero();
        assertThat(boston.at("/predicted/partsWaitHours").isNull()).isTrue();
        assertThat(json.at("/total/simulated/expectedBackorders/mean").asDouble()).isPositive();
        assertThat(json.get("stockLevels")).hasSize(3);
        assertThat(json.get("brokenTargets")).isEmpty();
    }

    @Test
    void withoutLevelsTheOptimalPlanIsSimulated() {
        Reply solved = finance.post("/api/v1/optimizer/solve", body(""));
        assertThat(solved.status()).as(solved.body()).isEqualTo(200);
        Reply reply = finance.post("/api/v1/optimizer/simulate", body("\"replications\": 20, \"days\": 100"));
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        for (JsonNode position : solved.json().get("positions")) {
            boolean listed = false;
            for (JsonNode level : reply.json().get("stockLevels")) {
                if (level.get("depot").equals(position.get("depot")) && level.get("sku").equals(position.get("sku"))) {
                    assertThat(level.get("stockLevel")).isEqualTo(position.get("stockLevel"));
                    listed = true;
                }
            }
            assertThat(listed || position.get("stockLevel").asInt() == 0).as("%s", position).isTrue();
        }
        assertThat(reply.json().get("brokenTargets")).isEmpty();
    }

    @Test
    void badFieldsAreNamed() {
        expectInvalid(body("\"replications\": 0"), "replications");
        expectInvalid(body("\"replications\": 10001"), "replications");
        expectInvalid(body("\"days\": 0"), "days");
        expectInvalid(body("\"confidence\": 1"), "confidence");
        expectInvalid(body("\"stockLevels\": [{\"depot\": \"ATL\", \"sku\": \"NOPE\", \"stockLevel\": 1}]"),
                "stockLevels[0].sku");
        expectInvalid(body("\"stockLevels\": [{\"depot\": \"XXX\", \"sku\": \"PUMP-B\", \"stockLevel\": 1}]"),
                "stockLevels[0].depot");
        expectInvalid(body("\"stockLevels\": [{\"depot\": \"ATL\", \"sku\": \"PUMP-B\", \"stockLevel\": -1}]"),
                "stockLevels[0].stockLevel");
        // 20 occurrences a day x (3,650 + 10 days) x 10,000 replications = 7.3e8 events, past the 5e8 limit
        expectInvalid("""
                {"parts": [{"sku": "A", "unitCost": 10}], "depots": [{"code": "X"}],
                 "demand": [{"depot": "X", "sku": "A", "ratePerDay": 20, "leadTimeDays": 10}],
                 "stockLevels": [], "replications": 10000, "days": 3650}""", "replications");
        Reply unknownField = finance.post("/api/v1/optimizer/simulate", body("\"colour\": 1"));
        assertThat(unknownField.status()).isEqualTo(400);
    }

    private void expectInvalid(String body, String field) {
        Reply reply = finance.post("/api/v1/optimizer/simulate", body);
        assertThat(reply.status()).as(reply.body()).isIn(400, 422);
        assertThat(reply.error()).isEqualTo("VALIDATION_FAILED");
        assertThat(reply.json().at("/details/field").asText()).isEqualTo(field);
    }

    @Test
    void techniciansMayNotSimulate() {
        Fixtures.depot(APP.admin(), "TS");
        Reply technician = APP.client(APP.token(Role.TECHNICIAN, "TS")).post("/api/v1/optimizer/simulate",
                body(""));
        assertThat(technician.status()).isEqualTo(403);
    }

    @Test
    void aReplayedKeyAnswersTheSameBytes() {
        String key = UUID.randomUUID().toString();
        String request = body("\"replications\": 10, \"days\": 50, \"seed\": 3");
        Reply first = finance.post("/api/v1/optimizer/simulate", request, key);
        Reply second = finance.post("/api/v1/optimizer/simulate", request, key);
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.body()).isEqualTo(first.body());
        Reply reused = finance.post("/api/v1/optimizer/simulate", body("\"replications\": 11"), key);
        assertThat(reused.error()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
    }
}
