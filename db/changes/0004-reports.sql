--liquibase formatted sql

--changeset spares:0004-ledger-cost-time
-- The part's cost-time accumulator: the integral of the part-wide average unit cost over time, in money x
-- microseconds, from the part's first ledger row to this row's instant. StockLedger writes it under the part lock:
-- cost_time_micros = previous row's cost_time_micros + previous row's average_unit_cost_after x (at - previous at).
-- With it the exact carrying-cost integral of a position is a plain SQL aggregate (see README "Reports").
-- Exact: averages have 4 decimals and instants whole microseconds, so no rounding ever happens here.
ALTER TABLE ledger ADD COLUMN cost_time_micros DECIMAL(40,4) NOT NULL DEFAULT 0;
--rollback ALTER TABLE ledger DROP COLUMN cost_time_micros;

--changeset spares:0004-ledger-cost-time-backfill
-- Fills the accumulator of rows written before this change, part by part in id order (= commit order per part).
CREATE TABLE report_backfill (
    id BIGINT PRIMARY KEY,
    cost_time_micros DECIMAL(40,4) NOT NULL
);
INSERT INTO report_backfill (id, cost_time_micros)
SELECT x.id, COALESCE(SUM(x.step) OVER (PARTITION BY x.part_id ORDER BY x.id), 0)
  FROM (SELECT id, part_id,
               COALESCE(LAG(average_unit_cost_after) OVER (PARTITION BY part_id ORDER BY id), 0)
             * GREATEST(COALESCE(TIMESTAMPDIFF(MICROSECOND, LAG(at) OVER (PARTITION BY part_id ORDER BY id), at), 0), 0)
               AS step
          FROM ledger) x;
UPDATE ledger SET cost_time_micros = (SELECT b.cost_time_micros FROM report_backfill b WHERE b.id = ledger.id)
 WHERE id IN (SELECT b.id FROM report_backfill b);
DROP TABLE report_backfill;
--rollback SELECT 1;

--changeset spares:0004-ledger-report-indexes
-- Covering index of the report scans: every report aggregates a position's rows before an instant, in
-- (depot, part) order, reading nothing but this index.
CREATE INDEX ix_ledger_report ON ledger (depot_id, part_id, at, type, quantity, cost_time_micros);
-- The part's latest row at or before an instant (its average and accumulator then): one backward index dive.
CREATE INDEX ix_ledger_part_at ON ledger (part_id, at);
CREATE INDEX ix_policy_history_at ON policy_history (at, depot_id, part_id);
--rollback DROP INDEX ix_ledger_report ON ledger; DROP INDEX ix_ledger_part_at ON ledger; DROP INDEX ix_policy_history_at ON policy_history;
