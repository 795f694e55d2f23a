package org.spares.optimize;

import static org.assertj.core.api.Assertions.assertThat;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.spares.config.SparesConfiguration;
import org.spares.domain.Lifecycle;
import org.spares.domain.Role;
import org.spares.support.ApiClient;
import org.spares.support.ApiClient.Reply;
import org.spares.support.TestApp;


/**
 * What the optimizer cannot hold is refused, over real HTTP, never answered 500: models whose tables would not fit
 * (they used to run the heap out after 11-27 s) are 422 naming the limit, before any table is built; a target met
 * only at the edge of double precision is answered with a plan that meets it, or 422 INFEASIBLE.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OptimizerLimitsHttpTest {
    private static final TestApp APP = TestApp.create();
    @RegisterExtension
    static final DropwizardAppExtension<SparesConfiguration> EXTENSION = APP.extension();

    private ApiClient finance;

    @BeforeAll
    void setUp() {
        finance = APP.client(APP.token(Role.FINANCE));
    }

    @Test
    void modelsWhoseTablesWouldNotFitAre422NamingTheLimit() {
        String model = hugeModel();
        Reply solve = finance.post("/api/v1/optimizer/solve", "{" + model + "}");
        assertThat(solve.status()).as(solve.body()).isEqualTo(422);
        assertThat(solve.error()).isEqualTo("VALIDATION_FAILED");
        assertThat(solve.body()).contains("too large").contains(String.valueOf(TableSize.MAXIMUM_TABLE_UNITS));
        assertThat(solve.json().at("/details/limit").asLong()).isEqualTo(TableSize.MAXIMUM_TABLE_UNITS);
        Reply frontier = finance.post("/api/v1/optimizer/frontier", "{" + model + ", \"points\": 200}");
        assertThat(frontier.status()).as(frontier.body()).isEqualTo(422);
        assertThat(frontier.body()).contains("too large");
    }

    @Test
    void aBackorderCapAtTheEdgeOfPrecisionIsMetOrInfeasibleNever500() throws Exception {
        for (String cap : new String[] {"0.001", "1e-9", "1e-300"}) {
            String body = """
                    {"parts":[{"sku":"A","unitCost":12.5}],"depots":[{"code":"X"}],
                     "demand":[{"depot":"X","sku":"A","ratePerDay":10000,"leadTimeDays":10}],
                     "maxTotalBackorders":%s}""".formatted(cap);
            Reply reply = finance.post("/api/v1/optimizer/solve", body);
            assertThat(reply.status()).as(cap + ": " + reply.body()).isIn(200, 422);
            if (reply.status() == 422) {
                assertThat(reply.error()).isEqualTo("INFEASIBLE");
                continue;
            }
            Plan plan = VectorFiles.MAPPER.readValue(reply.body(), Plan.class);
            OptimizeRequest request = VectorFiles.MAPPER.readValue(body, OptimizeRequest.class);
            IndependentCheck.assertFeasible(request, plan);
        }
    }

    /** 600 positions with a mean pipeline of 100,000 and a variance ratio of 1,000: the 96 KB body of the issue. */
    private static String hugeModel() {
        StringBuilder parts = new StringBuilder();
        StringBuilder demand = new StringBuilder();
        for (int part = 0; part < 600; part++) {
            String separator = part == 0 ? "" : ",";
            parts.append(separator).append("{\"sku\":\"P").append(part).append("\",\"unitCost\":100}");
            demand.append(separator).append("{\"depot\":\"X\",\"sku\":\"P").append(part)
                    .append("\",\"ratePerDay\":10000,\"leadTimeDays\":10,\"varianceToMeanRatio\":1000}");
        }
        return "\"parts\":[" + parts + "],\"depots\":[{\"code\":\"X\",\"repairOrdersPerDay\":50,"
                + "\"maxPartsWaitHours\":24}],\"demand\":[" + demand + "]";
    }
}
