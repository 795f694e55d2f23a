package org.spares.config;

import com.codahale.metrics.health.HealthCheck;
import org.spares.service.ClusterNode;

/**
 * {@code /healthcheck}'s {@code database-cluster}: unhealthy while the MariaDB Galera node this instance uses is not
 * ready and synced (healthy, saying so, on a database that is not a Galera node). Registered for MySQL URLs.
 */
public final class ClusterNodeHealth extends HealthCheck {
    private final ClusterNode node;

    public ClusterNodeHealth(ClusterNode node) {
        this.node = node;
    }

    @Override
    protected Result check() {
        return node.problem().map(Result::unhealthy).orElseGet(() -> Result.healthy("ready and synced, or not a cluster"));
    }
}
