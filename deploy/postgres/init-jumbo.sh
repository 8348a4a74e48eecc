#!/usr/bin/env bash
# Runs once, on an empty data directory (docker-entrypoint-initdb.d). One schema per service, owned by the
# service's own role, as in production; maintenance-service also works on the memory tables (by design).
set -euo pipefail

: "${JUMBO_AUTH_DB_PASSWORD:?}" "${JUMBO_CHAT_DB_PASSWORD:?}" "${JUMBO_MEMORY_DB_PASSWORD:?}" "${JUMBO_MAINTENANCE_DB_PASSWORD:?}"

psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
  -v auth_pw="$JUMBO_AUTH_DB_PASSWORD" -v chat_pw="$JUMBO_CHAT_DB_PASSWORD" \
  -v memory_pw="$JUMBO_MEMORY_DB_PASSWORD" -v maintenance_pw="$JUMBO_MAINTENANCE_DB_PASSWORD" <<'SQL'
CREATE ROLE auth_service LOGIN PASSWORD :'auth_pw';
CREATE ROLE chat_service LOGIN PASSWORD :'chat_pw';
CREATE ROLE memory_service LOGIN PASSWORD :'memory_pw';
CREATE ROLE maintenance_service LOGIN PASSWORD :'maintenance_pw';

REVOKE ALL ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO auth_service, chat_service, memory_service, maintenance_service;

CREATE SCHEMA auth AUTHORIZATION auth_service;
CREATE SCHEMA chat AUTHORIZATION chat_service;
CREATE SCHEMA memory AUTHORIZATION memory_service;
CREATE SCHEMA maintenance AUTHORIZATION maintenance_service;

-- extensions are per database; memory-service's migration finds it already there
CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public;

-- maintenance jobs (dedup, archive) work on the memory tables
GRANT USAGE ON SCHEMA memory TO maintenance_service;
ALTER DEFAULT PRIVILEGES FOR ROLE memory_service IN SCHEMA memory
  GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO maintenance_service;
ALTER DEFAULT PRIVILEGES FOR ROLE memory_service IN SCHEMA memory
  GRANT USAGE, SELECT ON SEQUENCES TO maintenance_service;
-- backups (pg_dump of the whole database) read every schema
GRANT pg_read_all_data TO maintenance_service;
-- verify-backup restores the newest backup into a scratch database it creates and drops
ALTER ROLE maintenance_service CREATEDB;
SQL
