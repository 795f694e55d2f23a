--liquibase formatted sql

--changeset spares:0005-optimizations
CREATE TABLE optimizations (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    status VARCHAR(16) NOT NULL,
    depots VARCHAR(2000) NOT NULL,
    history_days INT NOT NULL,
    progress DECIMAL(5,4) NOT NULL DEFAULT 0,
    window_from DATETIME(6) NOT NULL,
    window_to DATETIME(6) NOT NULL,
    created_at DATETIME(6) NOT NULL,
    created_by BIGINT NOT NULL,
    created_by_name VARCHAR(100) NOT NULL,
    started_at DATETIME(6) NULL,
    finished_at DATETIME(6) NULL,
    error_code VARCHAR(32) NULL,
    error VARCHAR(2000) NULL,
    plan_status VARCHAR(16) NULL,
    gap DOUBLE NULL,
    solve_millis BIGINT NULL,
    current_annual_holding_cost DECIMAL(19,4) NULL,
    recommended_annual_holding_cost DECIMAL(19,4) NULL,
    CONSTRAINT ck_optimizations_days CHECK (history_days > 0)
);
CREATE INDEX ix_optimizations_status ON optimizations (status, id);
--rollback DROP TABLE optimizations;

--changeset spares:0005-optimization-locks
-- One row per depot while a run of it is QUEUED or RUNNING: the primary key is what makes "one run per depot at
-- a time" atomic. Inserted with the run, deleted in the transaction that ends it.
CREATE TABLE optimization_locks (
    depot_id BIGINT PRIMARY KEY,
    optimization_id BIGINT NOT NULL,
    CONSTRAINT fk_optimization_locks_depot FOREIGN KEY (depot_id) REFERENCES depots (id),
    CONSTRAINT fk_optimization_locks_run FOREIGN KEY (optimization_id) REFERENCES optimizations (id)
);
--rollback DROP TABLE optimization_locks;

--changeset spares:0005-optimization-depots
CREATE TABLE optimization_depots (
    optimization_id BIGINT NOT NULL,
    depot_id BIGINT NOT NULL,
    repair_orders_per_day DECIMAL(19,6) NOT NULL,
    max_parts_wait_hours DECIMAL(10,2) NULL,
    min_fill_rate DECIMAL(7,6) NULL,
    positions INT NOT NULL,
    positions_with_demand INT NOT NULL,
    current_stock_units BIGINT NOT NULL,
    recommended_stock_units BIGINT NOT NULL,
    current_annual_holding_cost DECIMAL(19,4) NOT NULL,
    recommended_annual_holding_cost DECIMAL(19,4) NOT NULL,
    expected_backorders DECIMAL(19,6) NOT NULL,
    parts_wait_hours DECIMAL(19,4) NULL,
    fill_rate DECIMAL(9,6) NOT NULL,
    applied_at DATETIME(6) NULL,
    applied_by_name VARCHAR(100) NULL,
    PRIMARY KEY (optimization_id, depot_id),
    CONSTRAINT fk_optimization_depots_run FOREIGN KEY (optimization_id) REFERENCES optimizations (id),
    CONSTRAINT fk_optimization_depots_depot FOREIGN KEY (depot_id) REFERENCES depots (id)
);
--rollback DROP TABLE optimization_depots;

--changeset spares:0005-optimization-recommendations
CREATE TABLE optimization_recommendations (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    optimization_id BIGINT NOT NULL,
    depot_id BIGINT NOT NULL,
    part_id BIGINT NOT NULL,
    demand_per_day DECIMAL(19,8) NOT NULL,
    variance_to_mean_ratio DECIMAL(10,4) NOT NULL,
    lead_time_days INT NOT NULL,
    current_target_level INT NOT NULL,
    recommended_target_level INT NOT NULL,
    expected_backorders DECIMAL(19,6) NOT NULL,
    fill_rate DECIMAL(9,6) NOT NULL,
    annual_holding_cost_delta DECIMAL(19,4) NOT NULL,
    reason VARCHAR(500) NOT NULL,
    CONSTRAINT uq_optimization_recommendations UNIQUE (optimization_id, depot_id, part_id),
    CONSTRAINT fk_optimization_recommendations_run FOREIGN KEY (optimization_id) REFERENCES optimizations (id),
    CONSTRAINT fk_optimization_recommendations_depot FOREIGN KEY (depot_id) REFERENCES depots (id),
    CONSTRAINT fk_optimization_recommendations_part FOREIGN KEY (part_id) REFERENCES parts (id)
);
CREATE INDEX ix_optimization_recommendations_depot ON optimization_recommendations (optimization_id, depot_id, id);
--rollback DROP TABLE optimization_recommendations;
