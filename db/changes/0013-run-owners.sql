--liquibase formatted sql

--changeset spares:0013-run-owners
-- The instance (its heartbeat id, table instances) whose worker queue holds a run. A starting instance, and every
-- instance every few seconds, fails only the QUEUED or RUNNING runs whose owner has stopped beating: with several
-- instances on one database, a start must not fail the runs another live instance is solving. Null for runs made
-- before this column: no live instance owns them.
ALTER TABLE optimizations ADD COLUMN owner_instance VARCHAR(36) NULL;
--rollback ALTER TABLE optimizations DROP COLUMN owner_instance;
