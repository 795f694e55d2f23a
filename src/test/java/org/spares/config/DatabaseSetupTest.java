package org.spares.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.db.DataSourceFactory;
import org.junit.jupiter.api.Test;

/** The driver and Connector/J's settings chosen from the database URL. */
class DatabaseSetupTest {
    private static DataSourceFactory chosen(String url) {
        DataSourceFactory factory = new DataSourceFactory();
        factory.setUrl(url);
        DatabaseSetup.chooseDriver(factory);
        return factory;
    }

    @Test
    void aUrlOfSeveralHostsFailsOverToNodesThatTakeWrites() {
        DataSourceFactory cluster = chosen("jdbc:mysql://127.0.0.1:4306,127.0.0.1:4307,127.0.0.1:4308/spares?x=1");
        assertThat(cluster.getDriverClass()).isEqualTo("com.mysql.cj.jdbc.Driver");
        assertThat(cluster.getProperties()).containsEntry("sessionVariables", "wsrep_sync_wait=1")
                .containsEntry("failOverReadOnly", "false")
                .containsEntry("connectTimeout", "2000");
        assertThat(chosen("jdbc:mysql://127.0.0.1:3306/spares").getProperties()).doesNotContainKey("failOverReadOnly")
                .doesNotContainKey("sessionVariables");
        assertThat(chosen("jdbc:mariadb://db:3306/spares?a=1,2").getProperties()).doesNotContainKey("failOverReadOnly");
    }

    @Test
    void aSettingInTheConfigurationWins() {
        DataSourceFactory factory = new DataSourceFactory();
        factory.setUrl("jdbc:mysql://a:3306,b:3306/spares");
        factory.getProperties().put("failOverReadOnly", "true");
        DatabaseSetup.chooseDriver(factory);
        assertThat(factory.getProperties()).containsEntry("failOverReadOnly", "true");
    }
}
