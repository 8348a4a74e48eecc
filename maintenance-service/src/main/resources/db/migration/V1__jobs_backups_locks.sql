-- One row per job run, on whichever replica ran it.
CREATE TABLE job_runs (
    id          UUID PRIMARY KEY,
    job         TEXT        NOT NULL,
    status      TEXT        NOT NULL CHECK (status IN ('running', 'succeeded', 'failed')),
    trigger     TEXT        NOT NULL,
    started_at  TIMESTAMPTZ NOT NULL,
    finished_at TIMESTAMPTZ,
    stats       JSONB       NOT NULL DEFAULT '{}'::jsonb,
    error       TEXT,
    trace_id    TEXT,
    instance    TEXT
);

CREATE INDEX job_runs_started_idx ON job_runs (started_at DESC, id DESC);
CREATE INDEX job_runs_job_started_idx ON job_runs (job, started_at DESC, id DESC);

-- The backup catalogue: one row per pg_dump file kept in the backup directory.
CREATE TABLE backups (
    id           UUID PRIMARY KEY,
    created_at   TIMESTAMPTZ NOT NULL,
    file_name    TEXT        NOT NULL UNIQUE,
    kind         TEXT        NOT NULL CHECK (kind IN ('daily', 'weekly', 'monthly')),
    size_bytes   BIGINT      NOT NULL,
    sha256       TEXT        NOT NULL,
    -- row count of every table at the dump's snapshot: {"memory.memories": 12, ...}
    table_counts JSONB       NOT NULL,
    pg_dump      TEXT        NOT NULL,
    verified_at  TIMESTAMPTZ
);

CREATE INDEX backups_created_idx ON backups (created_at DESC, id DESC);

-- ShedLock's table (JdbcTemplateLockProvider): one row per job name, held while the job runs anywhere.
CREATE TABLE shedlock (
    name       VARCHAR(64)  PRIMARY KEY,
    lock_until TIMESTAMP    NOT NULL,
    locked_at  TIMESTAMP    NOT NULL,
    locked_by  VARCHAR(255) NOT NULL
);
