#!/bin/sh
# Captures v1.bin and v2-streaming.bin into the Fixtures folder from a throwaway PostgreSQL 15.
# Run as root from this folder: sh capture.sh
set -eu
here=$(cd "$(dirname "$0")" && pwd)
bin=/usr/lib/postgresql/15/bin
port=${PORT:-55491}
d=$(mktemp -d /tmp/pgXXXX); chmod 755 "$d"; chown postgres "$d"
runuser -u postgres -- $bin/initdb -D "$d/data" -U postgres --auth=trust --encoding=UTF8 --locale=C --no-sync >/dev/null
cat >> "$d/data/postgresql.conf" <<CONF
listen_addresses='127.0.0.1'
port=$port
unix_socket_directories='$d'
wal_level=logical
max_wal_senders=10
max_replication_slots=10
logical_decoding_work_mem=64kB
fsync=off
CONF
runuser -u postgres -- $bin/pg_ctl -D "$d/data" -l "$d/log" -w start >/dev/null
trap 'runuser -u postgres -- $bin/pg_ctl -D "$d/data" stop -m fast >/dev/null; rm -rf "$d"' EXIT
dsn="host=127.0.0.1 port=$port user=postgres dbname=parity"
psql="$bin/psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p $port -U postgres"
$psql -d postgres -c "create database parity"
$psql -d parity -f "$here/schema.sql"
gcc -Wall "$here/capture.c" -I/usr/include/postgresql -lpq -o "$d/capture"

$psql -d parity -c "select pg_create_logical_replication_slot('cap_v1', 'pgoutput')" >/dev/null
$psql -d parity -f "$here/workload-v1.sql" >/dev/null
"$d/capture" "$dsn replication=database" cap_v1 0/0 \
  "proto_version '1', publication_names 'pub', messages 'true'" "$here/../v1.bin"

$psql -d parity -c "select pg_create_logical_replication_slot('cap_v2', 'pgoutput')" >/dev/null
$psql -d parity -v dsn="$dsn" -f "$here/workload-v2.sql" >/dev/null
"$d/capture" "$dsn replication=database" cap_v2 0/0 \
  "proto_version '2', publication_names 'pub', messages 'true', streaming 'on'" "$here/../v2-streaming.bin"

$psql -d parity -Atc "select 'server ' || version()"
$psql -d parity -Atc "select relname || ' ' || oid from pg_class where relname in ('accounts','full_t','docs','trunc_t','moods','big','small') order by 1"
$psql -d parity -Atc "select 'type mood ' || oid from pg_type where typname = 'mood'"
