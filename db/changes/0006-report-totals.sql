--liquibase formatted sql

--changeset spares:0006-ledger-running-totals
-- Per-position running totals, so that a report needs each position's last row at or before an instant instead of
-- every row before it (see README "Reports"). On every ledger row, for its position (depot, part), up to this row's
-- instant:
--   unit_micros  U = the integral of on hand over time, in units x microseconds;
--   value_micros V = the integral of on hand x the part's average unit cost, in money x microseconds, taken with the
--                    part's cost-time accumulator C: V = V(prev) + onHandAfter(prev) x (C - C(prev));
--   last_issue_at  = the newest ISSUE row of the position so far (null before its first).
-- StockLedger writes them under the position lock from the previous row's values; exact (no rounding anywhere).
ALTER TABLE ledger ADD COLUMN unit_micros DECIMAL(40,0) NOT NULL DEFAULT 0;
ALTER TABLE ledger ADD COLUMN value_micros DECIMAL(50,4) NOT NULL DEFAULT 0;
ALTER TABLE ledger ADD COLUMN last_issue_at DATETIME(6) NULL;
-- The same totals as of the position's newest row, so that an instant after it (typically now) needs no ledger
-- read at all; first_row_at lets an instant before the position's first row skip it.
ALTER TABLE positions ADD COLUMN first_row_at DATETIME(6) NULL;
ALTER TABLE positions ADD COLUMN last_row_at DATETIME(6) NULL;
ALTER TABLE positions ADD COLUMN cost_time_micros DECIMAL(40,4) NOT NULL DEFAULT 0;
ALTER TABLE positions ADD COLUMN unit_micros DECIMAL(40,0) NOT NULL DEFAULT 0;
ALTER TABLE positions ADD COLUMN value_micros DECIMAL(50,4) NOT NULL DEFAULT 0;
ALTER TABLE positions ADD COLUMN last_issue_at DATETIME(6) NULL;
--rollback ALTER TABLE ledger DROP COLUMN unit_micros; ALTER TABLE ledger DROP COLUMN value_micros; ALTER TABLE ledger DROP COLUMN last_issue_at; ALTER TABLE positions DROP COLUMN first_row_at; ALTER TABLE positions DROP COLUMN last_row_at; ALTER TABLE positions DROP COLUMN cost_time_micros; ALTER TABLE positions DROP COLUMN unit_micros; ALTER TABLE positions DROP COLUMN value_micros; ALTER TABLE positions DROP COLUMN last_issue_at;

--changeset spares:0006-ledger-running-totals-backfill
-- Fills the totals of rows written before this change, position by position in id order (= the order StockLedger
-- writes them in, under the position lock), then copies each position's newest row onto the position.
CREATE TABLE report_totals_backfill (
    id BIGINT PRIMARY KEY,
    unit_micros DECIMAL(40,0) NOT NULL,
    value_micros DECIMAL(50,4) NOT NULL,
    last_issue_at DATETIME(6) NULL
);
INSERT INTO report_totals_backfill (id, unit_micros, value_micros, last_issue_at)
SELECT x.id,
       COALESCE(SUM(x.unit_step) OVER (PARTITION BY x.depot_id, x.part_id ORDER BY x.id), 0),
       COALESCE(SUM(x.value_step) OVER (PARTITION BY x.depot_id, x.part_id ORDER BY x.id), 0),
       MAX(x.issue_at) OVER (PARTITION BY x.depot_id, x.part_id ORDER BY x.id)
  FROM (SELECT id, depot_id, part_id,
               CASE WHEN type = 'ISSUE' THEN at END AS issue_at,
               COALESCE(LAG(on_hand_after) OVER (PARTITION BY depot_id, part_id ORDER BY id), 0)
             * GREATEST(COALESCE(TIMESTAMPDIFF(MICROSECOND,
                   LAG(at) OVER (PARTITION BY depot_id, part_id ORDER BY id), at), 0), 0) AS unit_step,
               COALESCE(LAG(on_hand_after) OVER (PARTITION BY depot_id, part_id ORDER BY id), 0)
             * (cost_time_micros
                - COALESCE(LAG(cost_time_micros) OVER (PARTITION BY depot_id, part_id ORDER BY id), cost_time_micros))
               AS value_step
          FROM ledger) x;
UPDATE ledger
   SET unit_micros = (SELECT b.unit_micros FROM report_totals_backfill b WHERE b.id = ledger.id),
       value_micros = (SELECT b.value_micros FROM report_totals_backfill b WHERE b.id = ledger.id),
       last_issue_at = (SELECT b.last_issue_at FROM report_totals_backfill b WHERE b.id = ledger.id)
 WHERE id IN (SELECT b.id FROM report_totals_backfill b WHERE b.unit_micros <> 0 OR b.value_micros <> 0
                 OR b.last_issue_at IS NOT NULL);
DROP TABLE report_totals_backfill;
CREATE TABLE report_totals_last (
    position_id BIGINT PRIMARY KEY,
    ledger_id BIGINT NOT NULL,
    first_row_at DATETIME(6) NOT NULL
);
INSERT INTO report_totals_last (position_id, ledger_id, first_row_at)
SELECT p.id, MAX(l.id), MIN(l.at)
  FROM positions p JOIN ledger l ON l.depot_id = p.depot_id AND l.part_id = p.part_id
 GROUP BY p.id;
UPDATE positions
   SET first_row_at = (SELECT t.first_row_at FROM report_totals_last t WHERE t.position_id = positions.id),
       last_row_at = (SELECT l.at FROM report_totals_last t JOIN ledger l ON l.id = t.ledger_id
                       WHERE t.position_id = positions.id),
       cost_time_micros = (SELECT l.cost_time_micros FROM report_totals_last t JOIN ledger l ON l.id = t.ledger_id
                            WHERE t.position_id = positions.id),
       unit_micros = (SELECT l.unit_micros FROM report_totals_last t JOIN ledger l ON l.id = t.ledger_id
                       WHERE t.position_id = positions.id),
       value_micros = (SELECT l.value_micros FROM report_totals_last t JOIN ledger l ON l.id = t.ledger_id
                        WHERE t.position_id = positions.id),
       last_issue_at = (SELECT l.last_issue_at FROM report_totals_last t JOIN ledger l ON l.id = t.ledger_id
                         WHERE t.position_id = positions.id)
 WHERE id IN (SELECT t.position_id FROM report_totals_last t);
DROP TABLE report_totals_last;
--rollback SELECT 1;

--changeset spares:0006-ledger-position-totals-index
-- A position's last row at or before an instant, read from the index alone: a loose index scan finds MAX(at) per
-- (depot_id, part_id), the join back on (depot_id, part_id, at) returns the totals (and, via InnoDB's implicit
-- primary-key suffix, the id that orders rows of one instant). Only read when a report instant falls inside a
-- position's history; otherwise the position row answers. The wide ix_ledger_report, which the reports scanned
-- whole before, is no longer read.
CREATE INDEX ix_ledger_position_totals ON ledger (depot_id, part_id, at, on_hand_after, cost_time_micros,
    unit_micros, value_micros, last_issue_at);
DROP INDEX ix_ledger_report ON ledger;
--rollback CREATE INDEX ix_ledger_report ON ledger (depot_id, part_id, at, type, quantity, cost_time_micros); DROP INDEX ix_ledger_position_totals ON ledger;
