--liquibase formatted sql

--changeset spares:0003-repair-orders
CREATE TABLE repair_orders (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    depot_id BIGINT NOT NULL,
    asset_tag VARCHAR(100) NOT NULL,
    description VARCHAR(2000) NULL,
    priority VARCHAR(10) NOT NULL,
    priority_rank INT NOT NULL,
    status VARCHAR(20) NOT NULL,
    target_turnaround_hours DECIMAL(10,2) NOT NULL,
    opened_at DATETIME(6) NOT NULL,
    opened_by BIGINT NOT NULL,
    completed_at DATETIME(6) NULL,
    cancelled_at DATETIME(6) NULL,
    closed_by BIGINT NULL,
    backordered_count INT NOT NULL DEFAULT 0,
    awaiting_since DATETIME(6) NULL,
    parts_wait_micros BIGINT NOT NULL DEFAULT 0,
    CONSTRAINT fk_repair_orders_depot FOREIGN KEY (depot_id) REFERENCES depots (id),
    CONSTRAINT ck_repair_orders_counts CHECK (backordered_count >= 0 AND parts_wait_micros >= 0)
);
CREATE INDEX ix_repair_orders_depot ON repair_orders (depot_id, status, id);
CREATE INDEX ix_repair_orders_opened ON repair_orders (depot_id, opened_at);
CREATE INDEX ix_repair_orders_completed ON repair_orders (status, completed_at);
--rollback DROP TABLE repair_orders;

--changeset spares:0003-reservations
CREATE TABLE reservations (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    repair_order_id BIGINT NOT NULL,
    depot_id BIGINT NOT NULL,
    part_id BIGINT NOT NULL,
    position_id BIGINT NOT NULL,
    quantity INT NOT NULL,
    status VARCHAR(16) NOT NULL,
    priority_rank INT NOT NULL,
    created_at DATETIME(6) NOT NULL,
    created_by BIGINT NOT NULL,
    held_at DATETIME(6) NULL,
    expires_at DATETIME(6) NULL,
    backordered_at DATETIME(6) NULL,
    issued_at DATETIME(6) NULL,
    released_at DATETIME(6) NULL,
    expired_at DATETIME(6) NULL,
    CONSTRAINT fk_reservations_order FOREIGN KEY (repair_order_id) REFERENCES repair_orders (id),
    CONSTRAINT fk_reservations_position FOREIGN KEY (position_id) REFERENCES positions (id),
    CONSTRAINT ck_reservations_quantity CHECK (quantity > 0)
);
CREATE INDEX ix_reservations_fill ON reservations (position_id, status, priority_rank, id);
CREATE INDEX ix_reservations_expiry ON reservations (status, expires_at);
CREATE INDEX ix_reservations_order ON reservations (repair_order_id, id);
CREATE INDEX ix_reservations_depot ON reservations (depot_id, status, id);
--rollback DROP TABLE reservations;
