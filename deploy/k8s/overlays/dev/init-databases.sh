#!/bin/sh
# Creates one role and one database per zhili service, owned by that role, so a service can
# reach its own database only. Idempotent: compose runs it on every `up` (a new service gets its
# database on an existing volume); the dev Kubernetes Postgres runs a copy from
# /docker-entrypoint-initdb.d on first start.
#
#   ZHILI_DATABASES     space-separated service names (= database = role names)
#   ZHILI_DB_PASSWORD   password of every service role (local/dev only; production databases
#                       are managed outside this repository, one credential per service)
#   PGHOST/PGUSER/PGPASSWORD  the superuser connection (unset PGHOST = local socket)
set -eu

: "${ZHILI_DATABASES:?list the service databases to create}"
: "${ZHILI_DB_PASSWORD:?set the password of the service roles}"
export PGUSER="${PGUSER:-${POSTGRES_USER:-postgres}}"

for db in $ZHILI_DATABASES; do
    # format(%I/%L) quotes identifiers and literals; \gexec runs the generated statement only
    # when the WHERE clause finds nothing to do yet.
    psql -v ON_ERROR_STOP=1 --no-psqlrc --quiet --dbname postgres \
         -v db="$db" -v pw="$ZHILI_DB_PASSWORD" <<'SQL'
SELECT format('CREATE ROLE %I LOGIN PASSWORD %L', :'db', :'pw')
 WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :'db') \gexec
SELECT format('CREATE DATABASE %I OWNER %I', :'db', :'db')
 WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = :'db') \gexec
SELECT format('REVOKE ALL ON DATABASE %I FROM PUBLIC', :'db') \gexec
SQL
    echo "database ${db}: ready"
done
