package org.spares.optimize;

import static org.assertj.core.api.Assertions.assertThat;
import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.spares.config.SparesConfiguration;
import org.spares.domain.Lifecycle;
import org.spares.domain.Role;
import org.spares.support.ApiClient;
import org.spares.support.ApiClient.Reply;
import org.spares.support.Fixtures;
import org.spares.support.TestApp;


/** Every reference vector solved through POST /optimizer/solve and /frontier over real HTTP. */
@ExtendWith(DropwizardExtensionsSupport.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OptimizerHttpTest {
    private static final TestApp APP = TestApp.create();
    @RegisterExtension
    static final DropwizardAppExtension<SparesConfiguration> EXTENSION = APP.extension();

    private ApiClient finance;

    @BeforeAll
    void setUp() {
        finance = APP.client(APP.token(Role.FINANCE));
    }

    @ParameterizedTest
    @ValueSource(strings = {"solve-1x5-wait.json", "solve-3x3-wait-per-depot.json",
        "solve-1x4-negbin-total-backorders.json", "solve-50x5-min-fill-rate.json",
        "solve-50x5-wait-per-depot.json", "solve-2000x20-wait-per-depot.json"})
    void solvesEveryVectorOverHttp(String file) throws Exception {
        JsonNode vector = VectorFiles.read(file);
        Reply reply = finance.post("/api/v1/optimizer/solve", vector.get("request").toString());
        assertThat(reply.status()).as(reply.body().length() > 500 ? reply.body().substring(0, 500) : reply.body())
                .isEqualTo(200);
        Plan plan = VectorFiles.MAPPER.treeToValue(reply.json(), Plan.class);
        OptimizeRequest request = VectorFiles.MAPPER.treeToValue(vector.get("request"), OptimizeRequest.class);
        IndependentCheck.assertFeasible(request, plan);
        JsonNode expected = vector.get("expected");
        assertThat(plan.lowerBound()).isLessThanOrEqualTo(plan.annualHoldingCost() + 1e-9);
        if (expected.has("maxCost")) {
            assertThat(plan.gap()).isLessThanOrEqualTo(1e-5);
        }
        ExpectedBlock.assertMet(expected, plan);
    }

    @Test
    void frontierVectorOverHttpIsNeverDominatedByTheExactFrontier() {
        JsonNode vector = VectorFiles.read("frontier-1x5.json");
        Reply reply = finance.post("/api/v1/optimizer/frontier", vector.get("request").toString());
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        JsonNode points = reply.json().get("points");
        assertThat(points.size()).isGreaterThanOrEqualTo(2);
        assertThat(points.get(0).get("annualHoldingCost").asDouble()).isZero();
        for (JsonNode point : points) {
            for (JsonNode exact : vector.get("expected").get("exactFrontier")) {
                boolean dominated = exact.get("annualHoldingCost").asDouble()
                        <= point.get("annualHoldingCost").asDouble()
                        && exact.get("totalExpectedBackorders").asDouble()
                        < point.get("totalExpectedBackorders").asDouble() - 1e-9;
                assertThat(dominated).as("%s dominated by %s", point, exact).isFalse();
            }
        }
    }

    @Test
    void invalidAndInfeasibleModelsAre422NamingTheProblem() {
        Reply unknownSku = finance.post("/api/v1/optimizer/solve", """
                {"parts":[{"sku":"A","unitCost":100}],"depots":[{"code":"X"}],
                 "demand":[{"depot":"X","sku":"B","ratePerDay":0.1,"leadTimeDays":10}]}""");
        assertThat(unknownSku.status()).isIn(400, 422);
        assertThat(unknownSku.error()).isEqualTo("VALIDATION_FAILED");
        assertThat(unknownSku.json().at("/details/field").asText()).contains("demand[0]");
        Reply negative = finance.post("/api/v1/optimizer/solve", """
                {"parts":[{"sku":"A","unitCost":100,"holdingRate":0}],"depots":[{"code":"X"}],
                 "demand":[{"depot":"X","sku":"A","ratePerDay":0.1,"leadTimeDays":10}]}""");
        assertThat(negative.error()).isEqualTo("VALIDATION_FAILED");
        Reply infeasible = finance.post("/api/v1/optimizer/solve", """
                {"parts":[{"sku":"A","unitCost":100}],
                 "depots":[{"code":"X","repairOrdersPerDay":1,"maxPartsWaitHours":0}],
                 "demand":[{"depot":"X","sku":"A","ratePerDay":0.1,"leadTimeDays":10}]}""");
        assertThat(infeasible.status()).isEqualTo(422);
        assertThat(infeasible.error()).isEqualTo("INFEASIBLE");
        assertThat(infeasible.body()).contains("X");
        Reply unknownField = finance.post("/api/v1/optimizer/solve", "{\"parts\":[],\"colour\":1}");
        assertThat(unknownField.status()).isEqualTo(400);
        Reply empty = finance.post("/api/v1/optimizer/solve", "{}");
        assertThat(empty.status()).isIn(400, 422);
        assertThat(empty.error()).isEqualTo("VALIDATION_FAILED");
        Fixtures.depot(APP.admin(), "TX");
        Reply technician = APP.client(APP.token(Role.TECHNICIAN, "TX")).post("/api/v1/optimizer/solve", "{}");
        assertThat(technician.status()).isEqualTo(403);
    }
}
