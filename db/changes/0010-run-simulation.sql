--liquibase formatted sql

--changeset spares:0010-optimization-simulation
-- What the run's recommended levels (and the current ones) would have given: replayed against the window's requests
-- and simulated under the forecast demand (docs/SIMULATION.md), as JSON, written with the run's results. Null for
-- runs that have not succeeded, and for runs that succeeded before this column existed.
ALTER TABLE optimizations ADD COLUMN simulation LONGTEXT NULL;
--rollback ALTER TABLE optimizations DROP COLUMN simulation;
