package org.spares.app;

import static org.assertj.core.api.Assertions.assertThat;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

    /**
     * A developer's own SPARES_* settings must not change what the tests run on: Surefire removes every variable
     * config.yml reads (pom.xml's excludedEnvironmentVariables). A variable added to config.yml but not to that list
     * fails here, whatever the environment of the run.
     */
    @Test
    void everyVariableOfTheShippedConfigIsKeptFromTheTests() throws IOException {
        Set<String> read = new TreeSet<>();
        for (String line : Files.readAllLines(Path.of("config.yml"))) {
            if (!line.strip().startsWith("#")) {
                collect(Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)"), line, read);
            }
        }
        Set<String> excluded = new TreeSet<>();
        collect(Pattern.compile("<excludedEnvironmentVariable>([A-Z0-9_]+)</excludedEnvironmentVariable>"),
                Files.readString(Path.of("pom.xml")), excluded);
        assertThat(read).contains("SPARES_DB_URL").isEqualTo(excluded);
        read.forEach(name -> assertThat(System.getenv(name)).as(name).isNull());
    }

    private static void collect(Pattern pattern, String text, Set<String> into) {
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            into.add(matcher.group(1));
        }
    }
}
