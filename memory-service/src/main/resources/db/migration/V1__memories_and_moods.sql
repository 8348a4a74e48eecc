-- Trigram matching. Extensions are per database, so pg_trgm lives in schema public (shared with any other
-- service that needs it) and its functions/operators are always schema-qualified here.
CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public;

-- A memory is one normalised fact: subject + relation (predicate) + values. The embedding of its text is
-- kept portably as real[] (no pgvector); similarity is computed in the service.
CREATE TABLE memories (
    id                UUID PRIMARY KEY,
    user_id           TEXT        NOT NULL,
    text              TEXT        NOT NULL,
    category          TEXT        NOT NULL,
    subject           TEXT        NOT NULL,
    relation          TEXT        NOT NULL,
    fact_values       TEXT[]      NOT NULL,
    embedding         REAL[],
    content_hash      TEXT        NOT NULL,
    source_message_id UUID,
    created_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    last_recalled_at  TIMESTAMPTZ,
    archived_at       TIMESTAMPTZ,
    search_vector     TSVECTOR GENERATED ALWAYS AS (to_tsvector('english'::regconfig, text || ' ' || subject)) STORED
);

CREATE INDEX memories_user_created_idx ON memories (user_id, created_at DESC, id DESC);
CREATE INDEX memories_user_subject_idx ON memories (user_id, subject, relation);
CREATE INDEX memories_search_vector_idx ON memories USING GIN (search_vector);
CREATE INDEX memories_text_trgm_idx ON memories USING GIN (text public.gin_trgm_ops);

-- Earlier versions and merges of a memory.
CREATE TABLE memory_history (
    id                BIGSERIAL PRIMARY KEY,
    memory_id         UUID        NOT NULL REFERENCES memories (id) ON DELETE CASCADE,
    user_id           TEXT        NOT NULL,
    change            TEXT        NOT NULL,
    text              TEXT        NOT NULL,
    fact_values       TEXT[]      NOT NULL,
    source_message_id UUID,
    changed_at        TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE INDEX memory_history_memory_idx ON memory_history (memory_id, id);
CREATE INDEX memory_history_user_idx ON memory_history (user_id);

-- Bumped by every change to a user's memories, so each replica can tell whether its cached vectors are stale.
CREATE TABLE memory_versions (
    user_id TEXT PRIMARY KEY,
    version BIGINT NOT NULL
);

-- One mood entry per user message, from chat-service's summary.
CREATE TABLE mood_entries (
    id         BIGSERIAL PRIMARY KEY,
    user_id    TEXT             NOT NULL,
    message_id UUID             NOT NULL,
    at         TIMESTAMPTZ      NOT NULL,
    label      TEXT             NOT NULL,
    valence    DOUBLE PRECISION NOT NULL,
    emotions   TEXT[]           NOT NULL,
    UNIQUE (user_id, message_id)
);

CREATE INDEX mood_entries_user_at_idx ON mood_entries (user_id, at);
