#!/usr/bin/env bash
# start-postgres.sh: start a throwaway PostgreSQL cluster for the store contract tests and print
#   export DEPECHE_TEST_POSTGRES='Host=127.0.0.1;Port=PORT;Username=depeche;Database=depeche_test'
# so that `eval "$(scripts/start-postgres.sh)"` sets it. Everything else goes to stderr.
#
# Needs Debian's postgresql (initdb/pg_ctl under /usr/lib/postgresql/*/bin or on PATH); when root and missing, it is
# installed with apt-get. The cluster lives in a temp dir (printed on stderr, with the command that stops it), listens
# on 127.0.0.1 only, on a free port, with trust authentication: for tests, never for data. initdb refuses to run as
# root, so as root the cluster is created and run by the `postgres` user (or `nobody` when there is none).
# Stop it with: scripts/start-postgres.sh --stop DIR   (or pg_ctl -D DIR/data stop)
set -euo pipefail
# the server's user may not be allowed into the caller's directory (a mktemp -d clone): work from /
cd /

find_bin() {
  local tool="$1" dir
  for dir in /usr/lib/postgresql/*/bin; do
    [ -x "$dir/$tool" ] && { echo "$dir/$tool"; return 0; }
  done
  command -v "$tool" 2>/dev/null && return 0
  return 1
}

if ! find_bin initdb >/dev/null; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "start-postgres: installing postgresql with apt-get" >&2
    apt-get update -qq >&2 || true
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql postgresql-contrib >&2
  else
    echo "start-postgres: initdb not found; install postgresql (apt-get install postgresql)" >&2
    exit 1
  fi
fi
INITDB=$(find_bin initdb)
PG_CTL=$(find_bin pg_ctl)
BIN=$(dirname "$INITDB")

as_user=()
if [ "$(id -u)" = 0 ]; then
  user=postgres
  id "$user" >/dev/null 2>&1 || user=nobody
  if command -v runuser >/dev/null; then as_user=(runuser -u "$user" --); else as_user=(su "$user" -s /bin/sh -c); fi
fi
run() {
  if [ ${#as_user[@]} -eq 0 ]; then "$@";
  elif [ "${as_user[0]}" = runuser ]; then "${as_user[@]}" "$@";
  else "${as_user[@]}" "$(printf '%q ' "$@")"; fi
}

if [ "${1:-}" = "--stop" ]; then
  run "$PG_CTL" -D "$2/data" -m fast stop >&2
  rm -rf "$2"
  exit 0
fi

DIR=$(mktemp -d "${TMPDIR:-/tmp}/depeche-pg-XXXXXX")
chmod 755 "$DIR"
[ "$(id -u)" = 0 ] && chown "$user" "$DIR"

# a free port: ask the kernel for one, then release it for the server
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()' 2>/dev/null || echo $((20000 + RANDOM % 20000)))

run "$INITDB" -D "$DIR/data" -U depeche --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$DIR/initdb.log" 2>&1 ||
  run "$INITDB" -D "$DIR/data" -U depeche --auth=trust --encoding=UTF8 --no-locale >"$DIR/initdb.log" 2>&1 ||
  { cat "$DIR/initdb.log" >&2; exit 1; }
# the socket goes in the cluster dir: /var/run/postgresql may not exist or belong to us
run "$PG_CTL" -D "$DIR/data" -l "$DIR/server.log" -w -t 60 \
  -o "-c listen_addresses=127.0.0.1 -p $PORT -k $DIR -c fsync=off -c synchronous_commit=off -c full_page_writes=off" start >&2 ||
  { cat "$DIR/server.log" >&2; exit 1; }
run "$BIN/createdb" -h 127.0.0.1 -p "$PORT" -U depeche depeche_test >&2
# accent folding for full text (contrib); the store falls back to lower() without it
run "$BIN/psql" -q -h 127.0.0.1 -p "$PORT" -U depeche -d depeche_test -c "CREATE EXTENSION IF NOT EXISTS unaccent" >&2 ||
  echo "start-postgres: unaccent unavailable; full text will use lower()" >&2

echo "start-postgres: cluster in $DIR on 127.0.0.1:$PORT; stop with: scripts/start-postgres.sh --stop $DIR" >&2
echo "export DEPECHE_TEST_POSTGRES='Host=127.0.0.1;Port=$PORT;Username=depeche;Database=depeche_test'"
echo "export DEPECHE_TEST_POSTGRES_DIR='$DIR'"
