package org.spares.db;

import java.util.Map;
import org.jdbi.v3.sqlobject.config.KeyColumn;
import org.jdbi.v3.sqlobject.config.ValueColumn;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** What a MySQL-family server says of its replication state (MariaDB Galera's wsrep variables); MySQL only. */
public interface ClusterDao {
    /** {@code wsrep_on} when the server knows it (MariaDB), else nothing. */
    @SqlQuery("SHOW GLOBAL VARIABLES LIKE 'wsrep_on'")
    @KeyColumn("Variable_name")
    @ValueColumn("Value")
    Map<String, String> wsrepOn();

    /** Galera's own view of this node: wsrep_ready, wsrep_local_state_comment, wsrep_cluster_status, ... */
    @SqlQuery("SHOW GLOBAL STATUS LIKE 'wsrep_%'")
    @KeyColumn("Variable_name")
    @ValueColumn("Value")
    Map<String, String> wsrepStatus();
}
