--liquibase formatted sql

--changeset spares:0008-optimization-model
-- The request body the run solved (the POST /optimizer/solve format), written when the run starts, so the run
-- can be replayed exactly. Null while QUEUED and for runs that ended before their snapshot was read.
ALTER TABLE optimizations ADD COLUMN model LONGTEXT NULL;
--rollback ALTER TABLE optimizations DROP COLUMN model;

--changeset spares:0008-optimization-run-depots
-- The depots of a run as rows, so lists can filter and scope runs by depot through an index; the comma-separated
-- optimizations.depots stays the run's own record. Written with the run; older runs are filled from that column
-- (codes are [A-Z0-9-], so they hold no LIKE wildcards).
CREATE TABLE optimization_run_depots (
    optimization_id BIGINT NOT NULL,
    depot_id BIGINT NOT NULL,
    PRIMARY KEY (optimization_id, depot_id),
    CONSTRAINT fk_optimization_run_depots_run FOREIGN KEY (optimization_id) REFERENCES optimizations (id),
    CONSTRAINT fk_optimization_run_depots_depot FOREIGN KEY (depot_id) REFERENCES depots (id)
);
CREATE INDEX ix_optimization_run_depots_depot ON optimization_run_depots (depot_id, optimization_id);
INSERT INTO optimization_run_depots (optimization_id, depot_id)
SELECT o.id, d.id FROM optimizations o JOIN depots d ON CONCAT(',', o.depots, ',') LIKE CONCAT('%,', d.code, ',%');
--rollback DROP TABLE optimization_run_depots;
