--liquibase formatted sql

--changeset spares:0009-instances
-- One row per running server, written on start and every few seconds, deleted on a clean stop: how a command that
-- must not run beside a server (seed-demo) tells that one is using this database, on H2 and MySQL/MariaDB alike.
-- A row of a server that was killed simply stops getting fresher.
CREATE TABLE instances (
    id VARCHAR(36) PRIMARY KEY,
    host VARCHAR(255) NOT NULL,
    started_at DATETIME(6) NOT NULL,
    seen_at DATETIME(6) NOT NULL
);
--rollback DROP TABLE instances;
