package org.spares.service;

import java.util.Map;
import java.util.Optional;
import org.spares.db.ClusterDao;

/**
 * The database node this instance is connected to, as a member of a MariaDB Galera cluster. A node that is not
 * {@code wsrep_ready} or not {@code Synced} (still receiving a state transfer, or cut off from the primary
 * component) refuses or delays statements, so the instance should not be routed to while it is so.
 */
public final class ClusterNode {
    private final Transactions transactions;

    public ClusterNode(Transactions transactions) {
        this.transactions = transactions;
    }

    /** Empty when the node is a ready, synced member, or not a Galera node at all; else what is wrong with it. */
    public Optional<String> problem() {
        return transactions.read(handle -> {
            ClusterDao cluster = handle.attach(ClusterDao.class);
            if (!"ON".equalsIgnoreCase(cluster.wsrepOn().getOrDefault("wsrep_on", "OFF"))) {
                return Optional.<String>empty();
            }
            Map<String, String> status = cluster.wsrepStatus();
            String ready = status.getOrDefault("wsrep_ready", "OFF");
            String state = status.getOrDefault("wsrep_local_state_comment", "unknown");
            String component = status.getOrDefault("wsrep_cluster_status", "unknown");
            if ("ON".equalsIgnoreCase(ready) && "Synced".equals(state) && "Primary".equals(component)) {
                return Optional.<String>empty();
            }
            return Optional.of("Galera node not serving: wsrep_ready " + ready + ", state " + state + ", component "
                    + component + ", cluster size " + status.getOrDefault("wsrep_cluster_size", "unknown"));
        });
    }
}
