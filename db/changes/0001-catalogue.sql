--liquibase formatted sql

--changeset spares:0001-depots
CREATE TABLE depots (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    code VARCHAR(16) NOT NULL,
    name VARCHAR(200) NOT NULL,
    target_turnaround_hours DECIMAL(10,2) NOT NULL,
    mean_repair_hours DECIMAL(10,2) NOT NULL,
    min_fill_rate DECIMAL(7,6) NULL,
    created_at DATETIME(6) NOT NULL,
    updated_at DATETIME(6) NOT NULL,
    CONSTRAINT uq_depots_code UNIQUE (code)
);
--rollback DROP TABLE depots;

--changeset spares:0001-parts
CREATE TABLE parts (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    sku VARCHAR(40) NOT NULL,
    name VARCHAR(200) NOT NULL,
    category VARCHAR(100) NOT NULL,
    unit_cost DECIMAL(19,4) NOT NULL,
    holding_rate DECIMAL(9,4) NOT NULL,
    lead_time_days INT NOT NULL,
    average_unit_cost DECIMAL(19,4) NOT NULL,
    units_owned BIGINT NOT NULL DEFAULT 0,
    created_at DATETIME(6) NOT NULL,
    updated_at DATETIME(6) NOT NULL,
    CONSTRAINT uq_parts_sku UNIQUE (sku),
    CONSTRAINT ck_parts_units_owned CHECK (units_owned >= 0)
);
CREATE INDEX ix_parts_category ON parts (category, id);
--rollback DROP TABLE parts;

--changeset spares:0001-users
CREATE TABLE users (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    name VARCHAR(100) NOT NULL,
    role VARCHAR(16) NOT NULL,
    depots VARCHAR(2000) NOT NULL,
    token_hash CHAR(64) NOT NULL,
    created_at DATETIME(6) NOT NULL,
    revoked_at DATETIME(6) NULL,
    CONSTRAINT uq_users_token_hash UNIQUE (token_hash)
);
--rollback DROP TABLE users;

--changeset spares:0001-idempotency-keys
CREATE TABLE idempotency_keys (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    user_id BIGINT NOT NULL,
    idempotency_key VARCHAR(64) NOT NULL,
    request_hash CHAR(64) NOT NULL,
    response_status INT NOT NULL,
    response_body MEDIUMTEXT NOT NULL,
    response_location VARCHAR(500) NULL,
    created_at DATETIME(6) NOT NULL,
    CONSTRAINT uq_idempotency_user_key UNIQUE (user_id, idempotency_key)
);
CREATE INDEX ix_idempotency_created ON idempotency_keys (created_at);
--rollback DROP TABLE idempotency_keys;
