-- Keyward on PostgreSQL. Each record is a jsonb document beside the columns that constraints, lookups and
-- retention need. Portable on purpose (see docs/decisions/0001-past-one-database.md): no sequences, no advisory
-- locks, no triggers, no PL/pgSQL; ordering comes from the one version row.

-- Every write transaction starts by bumping `version` (a row lock held until commit): writes are serialised,
-- versions commit in order, and key numbers drawn from `key_number` are gapless.
CREATE TABLE store_meta (
  id smallint PRIMARY KEY CHECK (id = 1),
  version bigint NOT NULL DEFAULT 0,
  key_number bigint NOT NULL DEFAULT 0,
  -- cache_events below this version were pruned: a replica that is further behind reloads everything.
  events_pruned_below bigint NOT NULL DEFAULT 0
);
INSERT INTO store_meta (id) VALUES (1);

-- `seq` is the insertion order (version * 2^20 + position in the transaction), kept on update: lists and
-- cursors follow it.
CREATE TABLE users (
  id text PRIMARY KEY,
  seq bigint NOT NULL UNIQUE,
  username text NOT NULL UNIQUE,
  doc jsonb NOT NULL
);

CREATE TABLE roles (
  id text PRIMARY KEY,
  seq bigint NOT NULL UNIQUE,
  name text NOT NULL UNIQUE,
  doc jsonb NOT NULL
);

-- No foreign key to users: deleting a user revokes its keys but keeps them.
CREATE TABLE api_keys (
  id text PRIMARY KEY,
  seq bigint NOT NULL UNIQUE,
  number bigint NOT NULL UNIQUE,
  user_id text NOT NULL,
  token_hash text NOT NULL UNIQUE,
  previous_token_hash text UNIQUE,
  revoked_at timestamptz,
  doc jsonb NOT NULL
);
CREATE INDEX api_keys_revoked ON api_keys (revoked_at) WHERE revoked_at IS NOT NULL;

CREATE TABLE admin_tokens (
  id text PRIMARY KEY,
  seq bigint NOT NULL UNIQUE,
  user_id text NOT NULL,
  token_hash text NOT NULL UNIQUE,
  doc jsonb NOT NULL
);

CREATE TABLE settings (
  id smallint PRIMARY KEY CHECK (id = 1),
  doc jsonb NOT NULL
);

CREATE TABLE business_records (
  resource text NOT NULL,
  id text NOT NULL,
  seq bigint NOT NULL,
  doc jsonb NOT NULL,
  PRIMARY KEY (resource, id)
);
CREATE INDEX business_records_order ON business_records (resource, seq);

-- Narrow and hot: each replica flushes coalesced uses here, forward-only. No foreign key, so a purge needs no order.
CREATE TABLE key_usage (
  key_id text PRIMARY KEY,
  last_used_at timestamptz NOT NULL
);

-- Insert-only for the application role (docs: REVOKE UPDATE, DELETE, TRUNCATE). Written under the version
-- row lock, so `seq` order is commit order and an `after = seq` cursor never skips an event.
CREATE TABLE audit_events (
  seq bigint PRIMARY KEY,
  id text NOT NULL UNIQUE,
  action text NOT NULL,
  target_id text,
  event jsonb NOT NULL
);
CREATE INDEX audit_events_target ON audit_events (target_id, seq);
CREATE INDEX audit_events_action ON audit_events (action, seq);

-- The replicas' change feed: which records a version changed. Replicas poll it by version; NOTIFY only wakes them.
CREATE TABLE cache_events (
  version bigint NOT NULL,
  position int NOT NULL,
  kind text NOT NULL,
  entity_id text NOT NULL,
  at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (version, position)
);
