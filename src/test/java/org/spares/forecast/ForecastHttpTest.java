package org.spares.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
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

/** POST /api/v1/forecast over real HTTP: the answer, the roles, the field named in a 400, a replay. */
@ExtendWith(DropwizardExtensionsSupport.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ForecastHttpTest {
    private static final TestApp APP = TestApp.create();
    @RegisterExtension
    static final DropwizardAppExtension<SparesConfiguration> EXTENSION = APP.extension();
    /** The series of ForecastBacktestTest: one unit on days 0-7, two on day 9, in daily buckets. */
    private static final String TEN_DAYS = """
            {"days":10,"bucketDays":1,"events":[{"day":0,"quantity":1},{"day":1,"quantity":1},
             {"day":2,"quantity":1},{"day":3,"quantity":1},{"day":4,"quantity":1},{"day":5,"quantity":1},
             {"day":6,"quantity":1},{"day":7,"quantity":1},{"day":9,"quantity":2}]}""";

    private ApiClient finance;

    @BeforeAll
    void setUp() {
        finance = APP.client(APP.token(Role.FINANCE));
    }

    @Test
    void answersTheForecast() {
        Reply reply = finance.post("/api/v1/forecast", TEN_DAYS);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.json().get("class").asText()).isEqualTo("SMOOTH");
        assertThat(reply.json().get("method").asText()).isEqualTo("CROSTON");
        assertThat(reply.json().get("ratePerDay").asDouble()).isCloseTo(1.0, within(1e-12));
        assertThat(reply.json().get("rmsse").asDouble()).isCloseTo(Math.sqrt(8), within(1e-12));
        assertThat(reply.json().get("baselineRmsse").asDouble()).isCloseTo(Math.sqrt(724.0 / 81), within(1e-12));
        assertThat(reply.json().get("meanSize").asDouble()).isCloseTo(10.0 / 9, within(1e-12));
        assertThat(reply.json().get("varianceToMeanRatio").asDouble()).isCloseTo(1.2, within(1e-12));
        assertThat(reply.json().get("buckets").toString()).isEqualTo("[1,1,1,1,1,1,1,1,0,2]");
        assertThat(reply.json().fieldNames()).toIterable().containsExactlyInAnyOrder("class", "method",
                "ratePerDay", "meanSize", "varianceToMeanRatio", "adi", "cv2", "rmsse", "baselineRmsse", "buckets");
    }

    @Test
    void noDemandAnswersNullsAndTheDefaultBucket() {
        Reply reply = finance.post("/api/v1/forecast", "{\"days\":30,\"events\":[]}");
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.json().get("class").asText()).isEqualTo("NO_DEMAND");
        assertThat(reply.json().get("ratePerDay").asDouble()).isZero();
        assertThat(reply.json().get("adi").isNull()).isTrue();
        assertThat(reply.json().get("rmsse").isNull()).isTrue();
        assertThat(reply.json().get("buckets").size()).isEqualTo(4);
    }

    @Test
    void techniciansAreForbidden() {
        Fixtures.depot(APP.admin(), "FX");
        Reply reply = APP.client(APP.token(Role.TECHNICIAN, "FX")).post("/api/v1/forecast", TEN_DAYS);
        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.error()).isEqualTo("FORBIDDEN");
    }

    @Test
    void badBodiesAre400NamingTheField() {
        assertField("{\"days\":10,\"events\":[{\"day\":10,\"quantity\":1}],\"bucketDays\":1}", "events[0].day");
        assertField("{\"days\":10,\"events\":[{\"day\":-1,\"quantity\":1}],\"bucketDays\":1}", "events[0].day");
        assertField("{\"days\":10,\"events\":[{\"day\":1,\"quantity\":0}],\"bucketDays\":1}", "events[0].quantity");
        assertField("{\"days\":10,\"events\":[{\"day\":1}]}", "events.quantity");
        assertField("{\"events\":[]}", "days");
        assertField("{\"days\":3651,\"events\":[]}", "days");
        assertField("{\"days\":10,\"events\":[],\"bucketDays\":366}", "bucketDays");
        assertField("{\"days\":5,\"events\":[]}", "bucketDays");
        assertField("{\"days\":5}", "events");
        Reply unknown = finance.post("/api/v1/forecast", "{\"days\":5,\"events\":[],\"colour\":1}");
        assertThat(unknown.status()).isEqualTo(400);
    }

    @Test
    void aReplayedKeyAnswersTheSameBytes() {
        Reply first = finance.post("/api/v1/forecast", TEN_DAYS, "forecast-replay-1");
        Reply again = finance.post("/api/v1/forecast", TEN_DAYS, "forecast-replay-1");
        assertThat(first.status()).isEqualTo(200);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body()).isEqualTo(first.body());
        Reply otherBody = finance.post("/api/v1/forecast", "{\"days\":30,\"events\":[]}", "forecast-replay-1");
        assertThat(otherBody.status()).isEqualTo(422);
    }

    private void assertField(String body, String field) {
        Reply reply = finance.post("/api/v1/forecast", body);
        assertThat(reply.status()).as(body + " -> " + reply.body()).isEqualTo(400);
        assertThat(reply.error()).isEqualTo("VALIDATION_FAILED");
        assertThat(reply.json().at("/details/field").asText()).as(reply.body()).isEqualTo(field);
    }
}
