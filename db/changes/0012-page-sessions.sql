--liquibase formatted sql

--changeset spares:0012-page-sessions
-- A person signed in to the pages (docs/REFERENCE.md "Pages and sessions"). The browser holds a random id in a
-- cookie; only its SHA-256 is kept here, so a copy of this table signs nobody in. csrf_token is the session's
-- anti-forgery token, which every form and htmx request sends back. last_seen_at drives the idle expiry.
CREATE TABLE page_sessions (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    token_hash CHAR(64) NOT NULL,
    user_id BIGINT NOT NULL,
    csrf_token VARCHAR(64) NOT NULL,
    created_at DATETIME(6) NOT NULL,
    last_seen_at DATETIME(6) NOT NULL,
    CONSTRAINT uq_page_sessions_token UNIQUE (token_hash),
    CONSTRAINT fk_page_sessions_user FOREIGN KEY (user_id) REFERENCES users (id)
);
CREATE INDEX ix_page_sessions_seen ON page_sessions (last_seen_at);
--rollback DROP TABLE page_sessions;
