package org.spares.config;

import com.codahale.metrics.MetricRegistry;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.db.ManagedDataSource;
import io.dropwizard.util.Duration;
import java.sql.Connection;
import java.sql.SQLException;
import org.apache.tomcat.jdbc.pool.DataSourceProxy;
import org.apache.tomcat.jdbc.pool.Validator;

/**
 * Checks a pooled connection with {@link Connection#isValid(int)} under {@code database.validationQueryTimeout},
 * instead of tomcat-jdbc's own check, which runs the validation query after {@code Statement.setQueryTimeout}. On
 * H2 that call sets the query timeout of the whole session, not of the one statement, so every statement that
 * later ran on a validated connection (a report's included) was cancelled after the validation timeout. isValid
 * leaves no setting behind on either database: Connector/J sends a ping bounded by the timeout, H2 asks its
 * session a question (a network round trip when the session is remote).
 */
public final class PoolValidator implements Validator {
    private final int timeoutSeconds;

    PoolValidator(int timeoutSeconds) {
        this.timeoutSeconds = timeoutSeconds;
    }

    /** Builds the pool that {@code factory} describes, with this validator in place of the timed query. */
    public static ManagedDataSource build(DataSourceFactory factory, MetricRegistry metrics, String name) {
        ManagedDataSource dataSource = factory.build(metrics, name);
        // isValid takes whole seconds and 0 means no bound: a timeout under a second is rounded up, not dropped.
        long millis = factory.getValidationQueryTimeout().map(Duration::toMilliseconds).orElse(0L);
        int seconds = (int) Math.min(Integer.MAX_VALUE, (millis + 999) / 1000);
        ((DataSourceProxy) dataSource).setValidator(new PoolValidator(seconds));
        return dataSource;
    }

    @Override
    public boolean validate(Connection connection, int validateAction) {
        try {
            return connection.isValid(timeoutSeconds);
        } catch (SQLException failure) {
            return false;
        }
    }
}
