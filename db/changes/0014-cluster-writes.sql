--liquibase formatted sql

--changeset spares:0014-cluster-writes
-- On a Galera cluster a locking read (SELECT ... FOR UPDATE) locks on its own node only; what orders two
-- transactions on two nodes is certification, which compares the rows each one wrote. So a lock that guards an
-- invariant must write its row. parts.ledger_rows counts the part's ledger rows: every ledger row increments it under
-- the part lock (also when the row moves neither units owned nor the average, a transfer say), so two rows of one
-- part written on two nodes conflict and one is retried: the part's rows stay a chain (cost-time accumulator,
-- moving average). repair_orders.lock_version is bumped by every lock of an order, so a reservation and a cancel of
-- the same order on two nodes conflict as they do on one database.
ALTER TABLE parts ADD COLUMN ledger_rows BIGINT NOT NULL DEFAULT 0;
UPDATE parts SET ledger_rows = (SELECT COUNT(*) FROM ledger l WHERE l.part_id = parts.id);
ALTER TABLE repair_orders ADD COLUMN lock_version BIGINT NOT NULL DEFAULT 0;
--rollback ALTER TABLE repair_orders DROP COLUMN lock_version;
--rollback ALTER TABLE parts DROP COLUMN ledger_rows;
