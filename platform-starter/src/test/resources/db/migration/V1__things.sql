CREATE TABLE things (
    id      UUID PRIMARY KEY,
    user_id TEXT NOT NULL,
    name    TEXT NOT NULL
);

CREATE TABLE effects (
    event_id TEXT PRIMARY KEY,
    user_id  TEXT NOT NULL,
    note     TEXT NOT NULL
);
