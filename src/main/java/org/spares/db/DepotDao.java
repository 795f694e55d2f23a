package org.spares.db;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.spares.domain.Depot;

/** The depots table. */
@RegisterConstructorMapper(Depot.class)
public interface DepotDao {
    String COLUMNS = "id, code, name, target_turnaround_hours, mean_repair_hours, min_fill_rate, created_at, updated_at";

    @SqlUpdate("""
            INSERT INTO depots (code, name, target_turnaround_hours, mean_repair_hours, min_fill_rate, created_at, updated_at)
            VALUES (:code, :name, :targetTurnaroundHours, :meanRepairHours, :minFillRate, :createdAt, :updatedAt)
            """)
    @GetGeneratedKeys("id")
    long insert(@BindMethods Depot depot);

    @SqlUpdate("""
            UPDATE depots SET name = :name, target_turnaround_hours = :targetTurnaroundHours,
                   mean_repair_hours = :meanRepairHours, min_fill_rate = :minFillRate, updated_at = :updatedAt
             WHERE id = :id
            """)
    int update(@BindMethods Depot depot);

    @SqlQuery("SELECT " + COLUMNS + " FROM depots WHERE code = :code")
    Optional<Depot> findByCode(@Bind("code") String code);

    @SqlQuery("SELECT " + COLUMNS + " FROM depots WHERE code = :code FOR UPDATE")
    Optional<Depot> lockByCode(@Bind("code") String code);

    @SqlQuery("SELECT " + COLUMNS + " FROM depots WHERE id > :after ORDER BY id LIMIT :limit")
    List<Depot> page(@Bind("after") long after, @Bind("limit") int limit);

    @SqlQuery("SELECT " + COLUMNS + " FROM depots WHERE id > :after AND code IN (<codes>) ORDER BY id LIMIT :limit")
    List<Depot> pageIn(@Bind("after") long after, @Bind("limit") int limit, @BindList("codes") Collection<String> codes);

    @SqlQuery("SELECT code FROM depots WHERE code IN (<codes>)")
    List<String> existingCodes(@BindList("codes") Collection<String> codes);
}
