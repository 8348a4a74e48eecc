-- What chat-service knows of each user: a projection of auth-service's users (fed by auth.users.v1, or
-- created from the token when a user calls before the event arrived) plus the name-onboarding state.
CREATE TABLE users (
    user_id        TEXT PRIMARY KEY,
    username       TEXT,
    preferred_name TEXT,
    awaiting_name  BOOLEAN     NOT NULL DEFAULT FALSE,
    updated_at     TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE conversations (
    id              UUID PRIMARY KEY,
    user_id         TEXT        NOT NULL,
    title           TEXT        NOT NULL,
    started_at      TIMESTAMPTZ NOT NULL,
    last_message_at TIMESTAMPTZ NOT NULL
);

CREATE INDEX conversations_user_recent_idx ON conversations (user_id, last_message_at DESC, id DESC);

-- seq orders messages (and pages them); mood is the JSON mood of a user message.
CREATE TABLE messages (
    seq             BIGSERIAL PRIMARY KEY,
    id              UUID        NOT NULL UNIQUE,
    conversation_id UUID        NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
    user_id         TEXT        NOT NULL,
    role            TEXT        NOT NULL CHECK (role IN ('user', 'assistant')),
    text            TEXT        NOT NULL,
    mood            TEXT,
    created_at      TIMESTAMPTZ NOT NULL
);

CREATE INDEX messages_conversation_idx ON messages (conversation_id, seq);

-- Sentences Jumbo already said in a conversation: a reply never repeats one.
CREATE TABLE reply_sentences (
    conversation_id UUID NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
    sentence        TEXT NOT NULL,
    PRIMARY KEY (conversation_id, sentence)
);
