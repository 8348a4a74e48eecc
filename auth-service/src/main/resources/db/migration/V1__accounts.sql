-- Accounts: one row per user; the email is unique whatever its case (concurrent signups cannot both win).
CREATE TABLE users (
    id            UUID        PRIMARY KEY,
    email         TEXT        NOT NULL,
    password_hash TEXT        NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX users_email_unique_idx ON users (lower(email));

-- What the user is called: the account's username and the name they asked Jumbo to use.
CREATE TABLE profiles (
    user_id        UUID        PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    username       TEXT        NOT NULL,
    preferred_name TEXT,
    updated_at     TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- One family per login; every refresh token descended from that login belongs to it. Access tokens carry
-- the family id (claim sid), so revoking the family also ends its access tokens at this service.
CREATE TABLE refresh_token_families (
    id         UUID        PRIMARY KEY,
    user_id    UUID        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    revoked_at TIMESTAMPTZ
);
CREATE INDEX refresh_token_families_user_idx ON refresh_token_families (user_id);

-- Refresh tokens are stored only as their SHA-256; used_at marks a spent (single-use) token.
CREATE TABLE refresh_tokens (
    token_hash TEXT        PRIMARY KEY,
    family_id  UUID        NOT NULL REFERENCES refresh_token_families (id) ON DELETE CASCADE,
    user_id    UUID        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    issued_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    expires_at TIMESTAMPTZ NOT NULL,
    used_at    TIMESTAMPTZ
);
CREATE INDEX refresh_tokens_family_idx ON refresh_tokens (family_id);
CREATE INDEX refresh_tokens_expires_idx ON refresh_tokens (expires_at);

-- Failed logins, per account (normalised email) and per client IP, for cluster-wide throttling.
CREATE TABLE login_failures (
    id         BIGSERIAL   PRIMARY KEY,
    account    TEXT        NOT NULL,
    client_ip  TEXT        NOT NULL,
    failed_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX login_failures_account_idx ON login_failures (account, failed_at);
CREATE INDEX login_failures_ip_idx ON login_failures (client_ip, failed_at);
CREATE INDEX login_failures_failed_at_idx ON login_failures (failed_at);

-- Token signing keys when they are not given by JUMBO_JWT_SIGNING_KEYS (dev, test): generated once and
-- shared by every instance. The newest key signs; older ones stay published until their tokens expired.
CREATE TABLE signing_keys (
    kid             TEXT        PRIMARY KEY,
    private_key     TEXT        NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    superseded_at   TIMESTAMPTZ
);
