package org.spares.db;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.KeyColumn;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.config.ValueColumn;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.customizer.Define;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.spares.domain.ListOrder;
import org.spares.domain.Part;

/** The parts table, including the part-wide moving-average cost and units owned. */
@RegisterConstructorMapper(Part.class)
public interface PartDao {
    String COLUMNS = "id, sku, name, category, unit_cost, holding_rate, lead_time_days, average_unit_cost, units_owned,"
            + " created_at, updated_at";

    @SqlUpdate("""
            INSERT INTO parts (sku, name, category, unit_cost, holding_rate, lead_time_days, average_unit_cost,
                               units_owned, created_at, updated_at)
            VALUES (:sku, :name, :category, :unitCost, :holdingRate, :leadTimeDays, :averageUnitCost, 0,
                    :createdAt, :updatedAt)
            """)
    @GetGeneratedKeys("id")
    long insert(@BindMethods Part part);

    /**
     * Catalogue fields only: the average cost belongs to the ledger, except while the part owns no units, when the
     * purchase price is the cost "used until receipts say otherwise" and the average follows it.
     */
    @SqlUpdate("""
            UPDATE parts SET name = :name, category = :category, unit_cost = :unitCost, holding_rate = :holdingRate,
                   lead_time_days = :leadTimeDays, updated_at = :updatedAt,
                   average_unit_cost = CASE WHEN units_owned = 0 THEN :unitCost ELSE average_unit_cost END
             WHERE id = :id
            """)
    int updateCatalogue(@BindMethods Part part);

    /**
     * Moves the part's units owned by {@code delta} and sets its average cost, in the transaction that writes the
     * ledger row, and counts the row ({@code ledger_rows}). The caller holds the part's row lock ({@link
     * #lockBySku}), which orders every ledger row of a part: that is what makes the moving average recomputable from
     * the ledger alone. The count makes this a write of the part's row on every ledger row, even one that moves
     * neither figure: on a Galera cluster the lock holds on one node only, and this write is what certification
     * orders across nodes (db/changes/0014-cluster-writes.sql).
     */
    @SqlUpdate("""
            UPDATE parts SET units_owned = units_owned + :delta, average_unit_cost = :average,
                   ledger_rows = ledger_rows + 1
             WHERE id = :id AND units_owned + :delta >= 0
            """)
    int moveUnits(@Bind("id") long id, @Bind("delta") long delta, @Bind("average") BigDecimal average);

    @SqlQuery("SELECT " + COLUMNS + " FROM parts WHERE sku = :sku")
    Optional<Part> findBySku(@Bind("sku") String sku);

    @SqlQuery("SELECT " + COLUMNS + " FROM parts WHERE sku = :sku FOR UPDATE")
    Optional<Part> lockBySku(@Bind("sku") String sku);

    @SqlQuery("SELECT " + COLUMNS + " FROM parts WHERE id = :id FOR UPDATE")
    Optional<Part> lockById(@Bind("id") long id);

    @SqlQuery("SELECT " + COLUMNS + " FROM parts WHERE id = :id")
    Optional<Part> findById(@Bind("id") long id);

    /** The fields a list of parts may be sorted by, besides id (in the columns' case-insensitive collation). */
    Map<String, Keyset.Column> SORTS = Map.of("sku", Keyset.text("sku"), "name", Keyset.text("name"),
            "category", Keyset.text("category"));

    /**
     * Category and text filters are optional; {@code q} matches sku or name. Both ignore case on every database
     * because the columns do (changeset 0008), not because of anything here.
     */
    default List<Part> page(ListOrder page, int limit, String category, String likePattern) {
        return page(Keyset.where(page, "id", SORTS), Keyset.orderBy(page, "id", SORTS), page, limit, category,
                likePattern);
    }

    @SqlQuery("SELECT " + COLUMNS + """
             FROM parts
             WHERE <after>
               AND (:category IS NULL OR category = :category)
               AND (:q IS NULL OR sku LIKE :q OR name LIKE :q)
             ORDER BY <orderBy> LIMIT :limit
            """)
    List<Part> page(@Define("after") String after, @Define("orderBy") String orderBy,
            @BindMethods("page") ListOrder page, @Bind("limit") int limit, @Bind("category") String category,
            @Bind("q") String likePattern);

    /** The names of the parts with these skus, by sku (for a page that lists positions). */
    @SqlQuery("SELECT sku, name FROM parts WHERE sku IN (<skus>)")
    @KeyColumn("sku")
    @ValueColumn("name")
    Map<String, String> names(@BindList("skus") Collection<String> skus);

    @SqlQuery("SELECT " + COLUMNS + " FROM parts ORDER BY id")
    List<Part> all();
}
