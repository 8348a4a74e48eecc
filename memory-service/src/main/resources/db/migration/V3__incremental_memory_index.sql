-- Incremental refresh of the in-service vector index (ADR 0009).
--
-- Every change to a memory that the index sees (not a last_recalled_at stamp) takes a new number from one
-- sequence, and every deleted memory leaves a tombstone numbered from the same sequence. All writes to one user's
-- memories run under that user's advisory lock, so per user these numbers grow in commit order: a replica that
-- has applied everything up to N only needs the rows and tombstones above N.
CREATE SEQUENCE memory_change_seq;

ALTER TABLE memories ADD COLUMN change_seq BIGINT NOT NULL DEFAULT nextval('memory_change_seq');
CREATE INDEX memories_user_change_idx ON memories (user_id, change_seq);

CREATE FUNCTION memory_next_change() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
    NEW.change_seq := nextval('memory_change_seq');
    RETURN NEW;
END $$;

CREATE TRIGGER memories_change_seq BEFORE UPDATE ON memories FOR EACH ROW
    WHEN ((OLD.text, OLD.category, OLD.subject, OLD.relation, OLD.fact_values, OLD.embedding, OLD.archived_at,
           OLD.updated_at)
          IS DISTINCT FROM
          (NEW.text, NEW.category, NEW.subject, NEW.relation, NEW.fact_values, NEW.embedding, NEW.archived_at,
           NEW.updated_at))
    EXECUTE FUNCTION memory_next_change();

-- Tombstones of deleted memories (ids only, no content). Pruned after a week; an index older than that is
-- reloaded in full (MemoryIndexCache). A user's erasure removes theirs.
CREATE TABLE memory_deletions (
    user_id    TEXT        NOT NULL,
    memory_id  UUID        NOT NULL,
    change_seq BIGINT      NOT NULL DEFAULT nextval('memory_change_seq'),
    deleted_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX memory_deletions_user_change_idx ON memory_deletions (user_id, change_seq);

CREATE FUNCTION memory_record_deletions() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
    INSERT INTO memory_deletions (user_id, memory_id) SELECT user_id, id FROM gone;
    RETURN NULL;
END $$;

CREATE TRIGGER memories_deletions AFTER DELETE ON memories REFERENCING OLD TABLE AS gone
    FOR EACH STATEMENT EXECUTE FUNCTION memory_record_deletions();

-- The epoch tells a replica that the user's memories were erased and started again since it loaded them (the
-- tombstones went with the erasure): then it reloads in full. Versions come from the same sequence, so they
-- never repeat across an erasure.
ALTER TABLE memory_versions ADD COLUMN epoch BIGINT NOT NULL DEFAULT 0;

-- The vectors as the service reads them: 384 big-endian float4 packed in one bytea (1,536 bytes). Turning a
-- real[] into bytes at read time (array_send, or the text form) costs the server ~90 µs a row, i.e. seconds for
-- a heavy user's full load; packing once per write costs about the same once.
ALTER TABLE memories ADD COLUMN embedding_packed BYTEA;
-- Two 1.5 KB vectors make a row wider than the 2 KB TOAST threshold: the real[] (read only by exports and
-- re-embedding) goes out of line uncompressed (floats do not compress), the packed copy stays in the row so a
-- full load of the vector cache needs no TOAST lookups.
ALTER TABLE memories ALTER COLUMN embedding SET STORAGE EXTERNAL, ALTER COLUMN embedding_packed SET STORAGE MAIN;

CREATE FUNCTION memory_packed(embedding REAL[]) RETURNS BYTEA LANGUAGE sql IMMUTABLE AS $$
    SELECT string_agg(float4send(e), ''::bytea ORDER BY o) FROM unnest(embedding) WITH ORDINALITY AS u(e, o)
$$;

UPDATE memories SET embedding_packed = memory_packed(embedding) WHERE embedding IS NOT NULL;

CREATE FUNCTION memory_pack_embedding() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
    NEW.embedding_packed := memory_packed(NEW.embedding);
    RETURN NEW;
END $$;

CREATE TRIGGER memories_pack_embedding BEFORE INSERT OR UPDATE OF embedding ON memories FOR EACH ROW
    EXECUTE FUNCTION memory_pack_embedding();

-- Every recall stamps last_recalled_at. Room left on each page lets that update stay on the page (HOT) instead of
-- adding entries to all six indexes, two of them GIN; applies to pages written from now on.
ALTER TABLE memories SET (fillfactor = 80);
