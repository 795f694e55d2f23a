--liquibase formatted sql

--changeset spares:0002-positions
CREATE TABLE positions (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    depot_id BIGINT NOT NULL,
    part_id BIGINT NOT NULL,
    on_hand INT NOT NULL DEFAULT 0,
    reserved INT NOT NULL DEFAULT 0,
    inbound INT NOT NULL DEFAULT 0,
    backordered INT NOT NULL DEFAULT 0,
    target_level INT NOT NULL DEFAULT 0,
    reorder_point INT NOT NULL DEFAULT 0,
    CONSTRAINT uq_positions_depot_part UNIQUE (depot_id, part_id),
    CONSTRAINT fk_positions_depot FOREIGN KEY (depot_id) REFERENCES depots (id),
    CONSTRAINT fk_positions_part FOREIGN KEY (part_id) REFERENCES parts (id),
    CONSTRAINT ck_positions_reserved CHECK (reserved >= 0 AND reserved <= on_hand),
    CONSTRAINT ck_positions_counts CHECK (on_hand >= 0 AND inbound >= 0 AND backordered >= 0),
    CONSTRAINT ck_positions_policy CHECK (target_level >= reorder_point AND reorder_point >= 0)
);
CREATE INDEX ix_positions_part ON positions (part_id, depot_id);
--rollback DROP TABLE positions;

--changeset spares:0002-ledger
CREATE TABLE ledger (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    at DATETIME(6) NOT NULL,
    type VARCHAR(16) NOT NULL,
    depot_id BIGINT NOT NULL,
    part_id BIGINT NOT NULL,
    quantity INT NOT NULL,
    unit_cost DECIMAL(19,4) NOT NULL,
    average_unit_cost_after DECIMAL(19,4) NOT NULL,
    on_hand_after INT NOT NULL,
    actor_id BIGINT NOT NULL,
    actor_name VARCHAR(100) NOT NULL,
    request_id VARCHAR(64) NOT NULL,
    reference VARCHAR(100) NULL,
    reason VARCHAR(500) NULL,
    transfer_id BIGINT NULL,
    reservation_id BIGINT NULL,
    CONSTRAINT uq_ledger_reservation UNIQUE (reservation_id),
    CONSTRAINT fk_ledger_depot FOREIGN KEY (depot_id) REFERENCES depots (id),
    CONSTRAINT fk_ledger_part FOREIGN KEY (part_id) REFERENCES parts (id),
    CONSTRAINT ck_ledger_on_hand CHECK (on_hand_after >= 0 AND quantity <> 0)
);
CREATE INDEX ix_ledger_position ON ledger (depot_id, part_id, id);
CREATE INDEX ix_ledger_part ON ledger (part_id, id);
CREATE INDEX ix_ledger_type_at ON ledger (type, at);
CREATE INDEX ix_ledger_at ON ledger (at);
--rollback DROP TABLE ledger;

--changeset spares:0002-policy-history
CREATE TABLE policy_history (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    depot_id BIGINT NOT NULL,
    part_id BIGINT NOT NULL,
    at DATETIME(6) NOT NULL,
    actor_id BIGINT NOT NULL,
    actor_name VARCHAR(100) NOT NULL,
    request_id VARCHAR(64) NOT NULL,
    old_target_level INT NOT NULL,
    new_target_level INT NOT NULL,
    old_reorder_point INT NOT NULL,
    new_reorder_point INT NOT NULL,
    reason VARCHAR(500) NOT NULL,
    source VARCHAR(16) NOT NULL,
    optimization_id BIGINT NULL,
    CONSTRAINT fk_policy_depot FOREIGN KEY (depot_id) REFERENCES depots (id),
    CONSTRAINT fk_policy_part FOREIGN KEY (part_id) REFERENCES parts (id)
);
CREATE INDEX ix_policy_history_position ON policy_history (depot_id, part_id, id);
--rollback DROP TABLE policy_history;

--changeset spares:0002-transfers
CREATE TABLE transfers (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    from_depot_id BIGINT NOT NULL,
    to_depot_id BIGINT NOT NULL,
    part_id BIGINT NOT NULL,
    quantity INT NOT NULL,
    status VARCHAR(16) NOT NULL,
    requested_at DATETIME(6) NOT NULL,
    requested_by BIGINT NOT NULL,
    shipped_at DATETIME(6) NULL,
    shipped_by BIGINT NULL,
    received_at DATETIME(6) NULL,
    received_by BIGINT NULL,
    cancelled_at DATETIME(6) NULL,
    cancelled_by BIGINT NULL,
    CONSTRAINT fk_transfers_from FOREIGN KEY (from_depot_id) REFERENCES depots (id),
    CONSTRAINT fk_transfers_to FOREIGN KEY (to_depot_id) REFERENCES depots (id),
    CONSTRAINT fk_transfers_part FOREIGN KEY (part_id) REFERENCES parts (id),
    CONSTRAINT ck_transfers_quantity CHECK (quantity > 0 AND from_depot_id <> to_depot_id)
);
CREATE INDEX ix_transfers_from ON transfers (from_depot_id, part_id, status);
CREATE INDEX ix_transfers_to ON transfers (to_depot_id, part_id, status);
--rollback DROP TABLE transfers;

--changeset spares:0002-state-changes
CREATE TABLE state_changes (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    entity VARCHAR(20) NOT NULL,
    entity_id BIGINT NOT NULL,
    from_status VARCHAR(20) NULL,
    to_status VARCHAR(20) NOT NULL,
    at DATETIME(6) NOT NULL,
    actor_id BIGINT NOT NULL,
    actor_name VARCHAR(100) NOT NULL,
    request_id VARCHAR(64) NOT NULL,
    note VARCHAR(500) NULL
);
CREATE INDEX ix_state_changes_entity ON state_changes (entity, entity_id, id);
--rollback DROP TABLE state_changes;
