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

--changeset spares:0008-text-case-h2 dbms:h2
-- One rule for text on every database: the catalogue's text columns compare case-insensitively, accents
-- significant (equality, LIKE, and so the unique keys: "p-1" and "P-1" are one sku). H2 compares VARCHAR
-- case-sensitively and MySQL/MariaDB as their default collation says (often accent-insensitive too), so the
-- columns say it themselves: H2's VARCHAR_IGNORECASE, and the "as_ci" collations of MariaDB (10.10+) and MySQL 8.
-- A database already holding two skus that differ only in case stops here, on the unique key: merge them first.
ALTER TABLE parts ALTER COLUMN sku SET DATA TYPE VARCHAR_IGNORECASE(40);
ALTER TABLE parts ALTER COLUMN name SET DATA TYPE VARCHAR_IGNORECASE(200);
ALTER TABLE parts ALTER COLUMN category SET DATA TYPE VARCHAR_IGNORECASE(100);
ALTER TABLE depots ALTER COLUMN code SET DATA TYPE VARCHAR_IGNORECASE(16);
ALTER TABLE depots ALTER COLUMN name SET DATA TYPE VARCHAR_IGNORECASE(200);
--rollback ALTER TABLE parts ALTER COLUMN sku SET DATA TYPE VARCHAR(40); ALTER TABLE parts ALTER COLUMN name SET DATA TYPE VARCHAR(200); ALTER TABLE parts ALTER COLUMN category SET DATA TYPE VARCHAR(100); ALTER TABLE depots ALTER COLUMN code SET DATA TYPE VARCHAR(16); ALTER TABLE depots ALTER COLUMN name SET DATA TYPE VARCHAR(200);

--changeset spares:0008-text-case-mariadb dbms:mariadb
-- The same rule as the H2 changeset above, in MariaDB's words.
ALTER TABLE parts MODIFY sku VARCHAR(40) CHARACTER SET utf8mb4 COLLATE utf8mb4_uca1400_as_ci NOT NULL,
    MODIFY name VARCHAR(200) CHARACTER SET utf8mb4 COLLATE utf8mb4_uca1400_as_ci NOT NULL,
    MODIFY category VARCHAR(100) CHARACTER SET utf8mb4 COLLATE utf8mb4_uca1400_as_ci NOT NULL;
ALTER TABLE depots MODIFY code VARCHAR(16) CHARACTER SET utf8mb4 COLLATE utf8mb4_uca1400_as_ci NOT NULL,
    MODIFY name VARCHAR(200) CHARACTER SET utf8mb4 COLLATE utf8mb4_uca1400_as_ci NOT NULL;
--rollback ALTER TABLE parts MODIFY sku VARCHAR(40) NOT NULL, MODIFY name VARCHAR(200) NOT NULL, MODIFY category VARCHAR(100) NOT NULL; ALTER TABLE depots MODIFY code VARCHAR(16) NOT NULL, MODIFY name VARCHAR(200) NOT NULL;

--changeset spares:0008-text-case-mysql dbms:mysql
-- The same rule as the H2 changeset above, in MySQL 8's words.
ALTER TABLE parts MODIFY sku VARCHAR(40) CHARACTER SET utf8mb4 COLLATE utf8mb4_0900_as_ci NOT NULL,
    MODIFY name VARCHAR(200) CHARACTER SET utf8mb4 COLLATE utf8mb4_0900_as_ci NOT NULL,
    MODIFY category VARCHAR(100) CHARACTER SET utf8mb4 COLLATE utf8mb4_0900_as_ci NOT NULL;
ALTER TABLE depots MODIFY code VARCHAR(16) CHARACTER SET utf8mb4 COLLATE utf8mb4_0900_as_ci NOT NULL,
    MODIFY name VARCHAR(200) CHARACTER SET utf8mb4 COLLATE utf8mb4_0900_as_ci NOT NULL;
--rollback ALTER TABLE parts MODIFY sku VARCHAR(40) NOT NULL, MODIFY name VARCHAR(200) NOT NULL, MODIFY category VARCHAR(100) NOT NULL; ALTER TABLE depots MODIFY code VARCHAR(16) NOT NULL, MODIFY name VARCHAR(200) NOT NULL;
