package org.spares.db;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.customizer.Define;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.spares.domain.ListOrder;
import org.spares.domain.Position;

/**
 * Positions. Every change is one conditional UPDATE whose WHERE clause states the invariant it must keep; the
 * caller checks the row count (0 = refused, nothing changed). The CHECK constraints of the table are the last line.
 */
@RegisterConstructorMapper(Position.class)
@RegisterRowMapper(PositionDao.Row.Mapper.class)
public interface PositionDao {
    /** The position's numbers as locked inside a unit of work. */
    record Row(long id, long depotId, long partId, int onHand, int reserved, int inbound, int backordered,
            int targetLevel, int reorderPoint) {
        public int available() {
            return onHand - reserved;
        }

        /** The one mapping of a row, for the SqlObject methods and the hot path's {@link NamedSql} alike. */
        public static final class Mapper implements RowMapper<Row> {
            @Override
            public Row map(ResultSet row, StatementContext context) throws SQLException {
                return new Row(row.getLong("id"), row.getLong("depot_id"), row.getLong("part_id"),
                        row.getInt("on_hand"), row.getInt("reserved"), row.getInt("inbound"),
                        row.getInt("backordered"), row.getInt("target_level"), row.getInt("reorder_point"));
            }
        }
    }

    String VIEW = """
            SELECT p.id, d.code AS depot, pt.sku, p.on_hand, p.reserved, p.inbound, p.backordered, p.target_level,
                   p.reorder_point, pt.average_unit_cost
              FROM positions p JOIN depots d ON d.id = p.depot_id JOIN parts pt ON pt.id = p.part_id
            """;

    /** Creates the position row if it is missing (a no-op when it exists or a concurrent twin wins). */
    @SqlUpdate("INSERT IGNORE INTO positions (depot_id, part_id) VALUES (:depotId, :partId)")
    void insertIgnore(@Bind("depotId") long depotId, @Bind("partId") long partId);

    NamedSql LOCK = NamedSql.of("""
            SELECT id, depot_id, part_id, on_hand, reserved, inbound, backordered, target_level, reorder_point
              FROM positions WHERE depot_id = :depotId AND part_id = :partId FOR UPDATE
            """);

    NamedSql RESERVE = NamedSql.of(
            "UPDATE positions SET reserved = reserved + :quantity WHERE id = :id AND on_hand - reserved >= :quantity");

    RowMapper<Row> ROW_MAPPER = new Row.Mapper();

    /** Locks the position for the unit of work; empty when it was never created. On the hot path ({@link NamedSql}). */
    static Optional<Row> lock(Handle handle, long depotId, long partId) {
        return LOCK.findOne(handle, ROW_MAPPER, "depotId", depotId, "partId", partId);
    }

    @SqlQuery("""
            SELECT id, depot_id, part_id, on_hand, reserved, inbound, backordered, target_level, reorder_point
              FROM positions WHERE id = :id
            """)
    Row row(@Bind("id") long id);

    @SqlQuery("""
            SELECT id, depot_id, part_id, on_hand, reserved, inbound, backordered, target_level, reorder_point
              FROM positions WHERE id = :id FOR UPDATE
            """)
    Row lockById(@Bind("id") long id);

    /** Receipts, count corrections, scrap: never below the reserved units, so never below zero. */
    @SqlUpdate("UPDATE positions SET on_hand = on_hand + :delta WHERE id = :id AND on_hand + :delta >= reserved")
    int addOnHand(@Bind("id") long id, @Bind("delta") int delta);

    /** Reserved units leave the shelf (issue, transfer shipped): both drop together. */
    @SqlUpdate("""
            UPDATE positions SET on_hand = on_hand - :quantity, reserved = reserved - :quantity
             WHERE id = :id AND reserved >= :quantity
            """)
    int takeReserved(@Bind("id") long id, @Bind("quantity") int quantity);

    /** All or nothing: reserves only when that many are available. On the hot path ({@link NamedSql}). */
    static int reserve(Handle handle, long id, int quantity) {
        return RESERVE.update(handle, "id", id, "quantity", quantity);
    }

    @SqlUpdate("UPDATE positions SET reserved = reserved - :quantity WHERE id = :id AND reserved >= :quantity")
    int unreserve(@Bind("id") long id, @Bind("quantity") int quantity);

    @SqlUpdate("UPDATE positions SET inbound = inbound + :delta WHERE id = :id AND inbound + :delta >= 0")
    int addInbound(@Bind("id") long id, @Bind("delta") int delta);

    /** Units in transit arrive on the shelf. */
    @SqlUpdate("""
            UPDATE positions SET on_hand = on_hand + :quantity, inbound = inbound - :quantity
             WHERE id = :id AND inbound >= :quantity
            """)
    int receiveInbound(@Bind("id") long id, @Bind("quantity") int quantity);

    @SqlUpdate("UPDATE positions SET backordered = backordered + :delta WHERE id = :id AND backordered + :delta >= 0")
    int addBackordered(@Bind("id") long id, @Bind("delta") int delta);

    @SqlUpdate("UPDATE positions SET target_level = :targetLevel, reorder_point = :reorderPoint WHERE id = :id")
    int setPolicy(@Bind("id") long id, @Bind("targetLevel") int targetLevel, @Bind("reorderPoint") int reorderPoint);

    @SqlQuery(VIEW + " WHERE d.code = :depot AND pt.sku = :sku")
    Optional<Position> find(@Bind("depot") String depot, @Bind("sku") String sku);

    /** The fields a list of positions may be sorted by, besides id. */
    Map<String, Keyset.Column> SORTS = Map.of("depot", Keyset.text("d.code"), "sku", Keyset.text("pt.sku"),
            "onHand", Keyset.number("p.on_hand"));

    /** A page of positions; {@code allDepots} false limits to {@code depots}; {@code below} keeps those due. */
    default List<Position> page(ListOrder page, int limit, String depot, String sku, boolean allDepots,
            Collection<String> depots, boolean below, String like) {
        return page(Keyset.where(page, "p.id", SORTS), Keyset.orderBy(page, "p.id", SORTS), page, limit, depot, sku,
                allDepots, depots, below, like);
    }

    @SqlQuery(VIEW + """
             WHERE <after>
               AND (:depot IS NULL OR d.code = :depot)
               AND (:sku IS NULL OR pt.sku = :sku)
               AND (:q IS NULL OR pt.sku LIKE :q OR pt.name LIKE :q)
               AND (:allDepots = TRUE OR d.code IN (<depots>))
               AND (:below = FALSE OR (p.target_level > 0
                    AND p.on_hand - p.reserved + p.inbound - p.backordered <= p.reorder_point))
             ORDER BY <orderBy> LIMIT :limit
            """)
    List<Position> page(@Define("after") String after, @Define("orderBy") String orderBy,
            @BindMethods("page") ListOrder page, @Bind("limit") int limit, @Bind("depot") String depot,
            @Bind("sku") String sku, @Bind("allDepots") boolean allDepots,
            @BindList("depots") Collection<String> depots, @Bind("below") boolean below, @Bind("q") String like);
}
