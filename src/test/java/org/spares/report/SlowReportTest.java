package org.spares.report;

import static org.assertj.core.api.Assertions.assertThat;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.util.Map;
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
import org.spares.support.Fixtures;
import org.spares.support.TestApp;
import org.spares.support.TestDatabase;


/**
 * A report whose statements take longer than the pool's validation timeout (1 s, the least tomcat-jdbc takes) still
 * answers: validating a pooled connection must not bound the statements that later run on it. On H2 a statement's
 * query timeout is the whole session's, so a pool that validated with a timed query left every later statement
 * under that second. The pool validates a borrow 50 ms after the last (the least Dropwizard allows), so each report's connection has
 * just been validated.
 *
 * <p>The report is made slow without touching its SQL: {@code depots}, which every report reads, becomes a view
 * that pauses 1.5 s. On H2 the pause sits inside a scan of 1,000 rows, because H2 looks at a statement's deadline
 * only every 128 rows. The class is public for H2 to call {@link #pauseOnFirst}.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public class SlowReportTest {
    private static final TestApp APP = TestApp.configured(Map.of("database.validationInterval", "50ms",
            "database.validationQueryTimeout", "1s"));
    @RegisterExtension
    static final DropwizardAppExtension<SparesConfiguration> EXTENSION = APP.extension();

    private ApiClient finance;

    /** Called by H2 for each row of the view's scan: pauses on the first, keeps only the first. */
    public static boolean pauseOnFirst(long row) throws InterruptedException {
        if (row == 1) {
            Thread.sleep(1500);
        }
        return row == 1;
    }

    @BeforeAll
    void slowDepots() {
        ApiClient admin = APP.admin();
        finance = APP.client(APP.token(Role.FINANCE));
        Fixtures.depot(admin, "NYC");
        Fixtures.part(admin, "VALVE", 100);
        Fixtures.receive(admin, "NYC", "VALVE", 3, 100);
        APP.jdbi().useHandle(handle -> {
            if (TestDatabase.usesMySql()) {
                handle.execute("RENAME TABLE depots TO depots_data");
                handle.execute("CREATE VIEW depots AS SELECT * FROM depots_data WHERE SLEEP(1.5) = 0");
                return;
            }
            handle.execute("ALTER TABLE depots RENAME TO depots_data");
            handle.execute("CREATE ALIAS PAUSE_ON_FIRST FOR '" + SlowReportTest.class.getName() + ".pauseOnFirst'");
            handle.execute("CREATE VIEW depots AS SELECT d.* FROM depots_data d JOIN SYSTEM_RANGE(1, 1000) r"
                    + " ON PAUSE_ON_FIRST(r.X)");
        });
    }

    @Test
    void aValuationSlowerThanTheValidationTimeoutAnswers() {
        Reply reply = finance.get("/api/v1/reports/valuation?groupBy=depot");
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.json().get("rows").get(0).get("units").asInt()).isEqualTo(3);
    }

    @Test
    void anExcessReportSlowerThanTheValidationTimeoutAnswers() {
        Reply reply = finance.get("/api/v1/reports/excess");
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.json().get("rows").get(0).get("excessUnits").asInt()).isEqualTo(3);
    }
}
