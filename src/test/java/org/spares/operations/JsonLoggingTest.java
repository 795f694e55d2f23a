package org.spares.operations;

import static org.assertj.core.api.Assertions.assertThat;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.LayoutBase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.configuration.EnvironmentVariableSubstitutor;
import io.dropwizard.configuration.FileConfigurationSourceProvider;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.configuration.YamlConfigurationFactory;
import io.dropwizard.jackson.Jackson;
import io.dropwizard.core.server.DefaultServerFactory;
import io.dropwizard.jersey.validation.Validators;
import io.dropwizard.logging.common.AbstractAppenderFactory;
import io.dropwizard.logging.common.DefaultLoggingFactory;
import io.dropwizard.logging.common.layout.DiscoverableLayoutFactory;
import io.dropwizard.request.logging.LogbackAccessRequestLogFactory;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.spares.config.SparesConfiguration;


/**
 * The JSON switch docs/OPERATIONS.md gives, {@code -Ddw.logging.appenders[0].layout.type=json} on config.yml, gives
 * the application log a JSON layout whose lines parse as JSON objects with the level, logger and message; its
 * companion gives the access log Dropwizard's access-json layout.
 */
class JsonLoggingTest {
    private static final String SWITCH = "dw.logging.appenders[0].layout.type";
    private static final String ACCESS_SWITCH = "dw.server.requestLog.appenders[0].layout.type";

    @Test
    void theDocumentedSwitchMakesTheApplicationLogJsonLines() throws Exception {
        SparesConfiguration configuration;
        System.setProperty(SWITCH, "json");
        System.setProperty(ACCESS_SWITCH, "access-json");
        try {
            configuration = new YamlConfigurationFactory<>(SparesConfiguration.class, Validators.newValidator(),
                    Jackson.newObjectMapper(), "dw").build(new SubstitutingSourceProvider(
                    new FileConfigurationSourceProvider(), new EnvironmentVariableSubstitutor(false)), "config.yml");
        } finally {
            System.clearProperty(SWITCH);
            System.clearProperty(ACCESS_SWITCH);
        }
        AbstractAppenderFactory<?> requestLog = (AbstractAppenderFactory<?>) ((LogbackAccessRequestLogFactory)
                ((DefaultServerFactory) configuration.getServerFactory()).getRequestLogFactory()).getAppenders().get(0);
        assertThat(requestLog.getLayout()).as("the access log's layout, switched").isNotNull();
        AbstractAppenderFactory<?> console = (AbstractAppenderFactory<?>)
                ((DefaultLoggingFactory) configuration.getLoggingFactory()).getAppenders().get(0);
        @SuppressWarnings("unchecked")
        DiscoverableLayoutFactory<ILoggingEvent> json = (DiscoverableLayoutFactory<ILoggingEvent>) console.getLayout();
        assertThat(json).as("config.yml's console appender, switched").isNotNull();
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        LayoutBase<ILoggingEvent> layout = json.build(context, TimeZone.getTimeZone("UTC"));
        layout.start();
        LoggingEvent event = new LoggingEvent("org.spares.Example", context.getLogger("org.spares.Example"),
                Level.WARN, "expired {} reservations", null, new Object[] {3});

        String line = layout.doLayout(event);
        assertThat(line).endsWith(System.lineSeparator()).doesNotContain("\n{");
        JsonNode parsed = new ObjectMapper().readTree(line);
        assertThat(parsed.get("level").asText()).isEqualTo("WARN");
        assertThat(parsed.get("logger").asText()).isEqualTo("org.spares.Example");
        assertThat(parsed.get("message").asText()).isEqualTo("expired 3 reservations");
    }
}
