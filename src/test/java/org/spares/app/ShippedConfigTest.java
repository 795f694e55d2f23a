package org.spares.app;

import static org.assertj.core.api.Assertions.assertThat;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.spares.config.SparesConfiguration;
import org.spares.support.ApiClient;


/** The config.yml we ship parses, validates and starts the service (only database and ports overridden). */
@ExtendWith(DropwizardExtensionsSupport.class)
class ShippedConfigTest {
    @RegisterExtension
    static final DropwizardAppExtension<SparesConfiguration> APP = new DropwizardAppExtension<>(
            SparesApplication.class, "config.yml",
            ConfigOverride.config("database.url", "jdbc:h2:mem:shipped;MODE=MySQL;DATABASE_TO_UPPER=FALSE;"
                    + "CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1"),
            ConfigOverride.config("server.applicationConnectors[0].port", "0"),
            ConfigOverride.config("server.adminConnectors[0].port", "0"));

    @Test
    void startsAndAnswers() {
        assertThat(APP.getConfiguration().getReservations().getHoldTime().toHours()).isEqualTo(72);
        assertThat(new ApiClient("http://localhost:" + APP.getLocalPort(), null).get("/api/v1/depots").status())
                .isEqualTo(401);
        assertThat(new ApiClient("http://localhost:" + APP.getAdminPort(), null).get("/healthcheck").status())
                .isEqualTo(200);
    }
}
