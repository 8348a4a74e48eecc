-- Recall looks up whose name a question mentions ("What does Tom do?" → the brother). Only the user's name memories
-- are indexed, a few per user: without it the lookup walked every memory of a heavy user.
CREATE INDEX memories_user_names_idx ON memories (user_id) WHERE relation = 'name';
