--liquibase formatted sql

--changeset spares:0011-user-passwords
-- A person's password, stored only as a bcrypt hash (docs/REFERENCE.md "Users and tokens"). Null for users who
-- have none: API tokens keep working with or without it.
ALTER TABLE users ADD COLUMN password_hash VARCHAR(100) NULL;
--rollback ALTER TABLE users DROP COLUMN password_hash;
