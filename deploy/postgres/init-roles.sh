#!/bin/sh
# Two database users for the dashboard, run once on a new database (the postgres image runs every
# file in /docker-entrypoint-initdb.d; bench/topology.py runs this same file against its test server):
#   owner  (KLA_DB_OWNER, default kla):       owns the database; the admin instance migrates, imports, publishes
#   reader (KLA_DB_READER, default kla_baca): may only SELECT; the public replicas (KLA_ROLE=public)
# Tables do not exist yet: the admin instance creates them on its first start, as the owner, and the
# default privileges below give the reader SELECT on each of them.
set -eu
: "${KLA_DB_OWNER_PASSWORD:?KLA_DB_OWNER_PASSWORD belum diisi}"
: "${KLA_DB_READER_PASSWORD:?KLA_DB_READER_PASSWORD belum diisi}"
psql -v ON_ERROR_STOP=1 --no-psqlrc --username "${POSTGRES_USER:-postgres}" --dbname "${POSTGRES_DB:-kla}" \
  -v db="${POSTGRES_DB:-kla}" \
  -v owner="${KLA_DB_OWNER:-kla}" -v owner_password="$KLA_DB_OWNER_PASSWORD" \
  -v reader="${KLA_DB_READER:-kla_baca}" -v reader_password="$KLA_DB_READER_PASSWORD" <<'SQL'
CREATE ROLE :"owner" LOGIN PASSWORD :'owner_password';
CREATE ROLE :"reader" LOGIN PASSWORD :'reader_password';
ALTER DATABASE :"db" OWNER TO :"owner";
ALTER SCHEMA public OWNER TO :"owner";
REVOKE ALL ON DATABASE :"db" FROM PUBLIC;
GRANT CONNECT ON DATABASE :"db" TO :"reader";
GRANT USAGE ON SCHEMA public TO :"reader";
GRANT SELECT ON ALL TABLES IN SCHEMA public TO :"reader";
ALTER DEFAULT PRIVILEGES FOR ROLE :"owner" IN SCHEMA public GRANT SELECT ON TABLES TO :"reader";
SQL
