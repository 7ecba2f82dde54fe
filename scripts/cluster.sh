#!/usr/bin/env bash
# Starts on one machine what a deployment runs on several: a PostgreSQL primary, a streaming
# replica of it made with pg_basebackup, two or more app instances sharing a data folder for
# uploaded files, and nginx in front with deploy/nginx/qianxing.conf. See docs/operations.md.
#
#   scripts/cluster.sh up | down | status        (or: npm run cluster -- up)
#   scripts/cluster.sh replica-stop | replica-start
#
# Settings (environment):
#   QX_CLUSTER_DIR        state: databases, logs, pids, the shared data folder (/tmp/qianxing-cluster)
#   QX_CLUSTER_APPS       app instances (2)
#   QX_CLUSTER_PG_PORT    the primary's port; the replica takes the next one (5441)
#   QX_CLUSTER_APP_PORT   the first instance's port; the others follow (3101)
#   QX_CLUSTER_HTTP_PORT  nginx's port (8088)
#   QX_CLUSTER_DEMO       full | small | none: the demo district seeded by the first instance (full)
#   PG_BIN                PostgreSQL's programs (the newest /usr/lib/postgresql/*/bin)
# Any QIANXING_* variable set when calling `up` reaches every instance.
# `up` writes $QX_CLUSTER_DIR/cluster.env: the addresses, the pids and the metrics token.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
dir=${QX_CLUSTER_DIR:-/tmp/qianxing-cluster}
apps=${QX_CLUSTER_APPS:-2}
pg_port=${QX_CLUSTER_PG_PORT:-5441}
replica_port=$((pg_port + 1))
app_port=${QX_CLUSTER_APP_PORT:-3101}
http_port=${QX_CLUSTER_HTTP_PORT:-8088}
demo=${QX_CLUSTER_DEMO:-full}
pg_bin=${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}
nginx_bin=${NGINX_BIN:-$(command -v nginx || echo /usr/sbin/nginx)}

say() { echo "cluster: $*"; }
die() { echo "cluster: $*" >&2; exit 1; }

# PostgreSQL refuses to run as root: then its programs run as the postgres account.
as_pg() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }

# Waits until an URL answers 200, or fails naming the log to read.
wait_http() {
  local url=$1 log=$2 pidfile=${3:-}
  for _ in $(seq 1 240); do
    if curl -fsS -o /dev/null --max-time 2 "$url" 2>/dev/null; then return 0; fi
    if [ -n "$pidfile" ] && ! alive "$pidfile"; then die "it stopped while starting; see $log"; fi
    sleep 0.5
  done
  die "no answer from $url; see $log"
}

pg_up() {
  [ -x "$pg_bin/initdb" ] || die "PostgreSQL's programs were not found (apt-get install postgresql, or set PG_BIN)"
  mkdir -p "$dir/pg"
  if [ "$(id -u)" = 0 ]; then
    # The postgres account must reach its folders inside the state folder.
    chmod a+x "$dir"
    chown postgres: "$dir/pg"
  fi
  local primary=$dir/pg/primary replica=$dir/pg/replica
  if [ ! -f "$primary/PG_VERSION" ]; then
    say "initdb: primary on port $pg_port"
    as_pg "$pg_bin/initdb" -D "$primary" -U qx --auth=trust -E UTF8 --locale=C.UTF-8 >"$dir/pg/initdb.log"
    # The test cluster trusts local connections (initdb's own pg_hba, replication included).
    cat >>"$primary/postgresql.conf" <<EOF
listen_addresses = '127.0.0.1'
unix_socket_directories = '$dir/pg'
wal_level = replica
max_wal_senders = 5
hot_standby = on
EOF
  fi
  as_pg "$pg_bin/pg_ctl" -D "$primary" -l "$dir/pg/primary.log" -o "-p $pg_port" -w start >/dev/null
  as_pg "$pg_bin/psql" -h 127.0.0.1 -p "$pg_port" -U qx -d postgres -qtc \
    "select 1 from pg_database where datname = 'qianxing'" | grep -q 1 ||
    as_pg "$pg_bin/createdb" -h 127.0.0.1 -p "$pg_port" -U qx qianxing
  if [ ! -f "$replica/PG_VERSION" ]; then
    say "pg_basebackup: replica on port $replica_port"
    as_pg "$pg_bin/pg_basebackup" -h 127.0.0.1 -p "$pg_port" -U qx -D "$replica" -R -X stream -c fast
  fi
  as_pg "$pg_bin/pg_ctl" -D "$replica" -l "$dir/pg/replica.log" -o "-p $replica_port" -w start >/dev/null
}

apps_up() {
  [ -f packages/cli/dist/main.js ] || die "no build: run npm run build first"
  mkdir -p "$dir/shared" "$dir/apps"
  local token
  token=$(od -An -tx1 -N16 /dev/urandom | tr -d ' \n')
  : >"$dir/apps/ports"
  for i in $(seq 1 "$apps"); do
    local port=$((app_port + i - 1)) pidfile=$dir/apps/app$i.pid log=$dir/apps/app$i.log
    if alive "$pidfile"; then say "app $i already runs (pid $(cat "$pidfile"))"; echo "$port" >>"$dir/apps/ports"; continue; fi
    local args=(serve)
    # The first instance applies the migrations and seeds; the others start on a ready database.
    if [ "$i" = 1 ] && [ "$demo" != none ]; then args+=(--demo); fi
    say "app $i on port $port"
    DATABASE_URL="postgres://qx@127.0.0.1:$pg_port/qianxing" \
    DATABASE_READ_URL="postgres://qx@127.0.0.1:$replica_port/qianxing" \
    QIANXING_DATA_DIR="$dir/shared" \
    QIANXING_TRUST_PROXY=1 \
    QIANXING_METRICS_TOKEN="${QIANXING_METRICS_TOKEN:-$token}" \
    QIANXING_DEMO_IDEAS="$demo" QIANXING_DEMO_REQUESTS="$demo" \
    PORT=$port HOST=127.0.0.1 \
      nohup node packages/cli/dist/main.js "${args[@]}" >"$log" 2>&1 &
    echo $! >"$pidfile"
    echo "$port" >>"$dir/apps/ports"
    wait_http "http://127.0.0.1:$port/api/health" "$log" "$pidfile"
  done
  echo "${QIANXING_METRICS_TOKEN:-$token}" >"$dir/apps/metrics-token"
}

nginx_up() {
  [ -x "$nginx_bin" ] || die "nginx was not found (apt-get install nginx)"
  local n=$dir/nginx
  mkdir -p "$n/tmp"
  : >"$n/qianxing-upstream.conf"
  while read -r port; do
    echo "server 127.0.0.1:$port max_fails=1 fail_timeout=5s;" >>"$n/qianxing-upstream.conf"
  done <"$dir/apps/ports"
  echo "listen 127.0.0.1:$http_port;" >"$n/qianxing-listen.conf"
  cat >"$n/nginx.conf" <<EOF
# Written by scripts/cluster.sh: the frame around deploy/nginx/qianxing.conf.
worker_processes 2;
pid $n/nginx.pid;
error_log $n/error.log warn;
events { worker_connections 1024; }
http {
  access_log $n/access.log;
  client_body_temp_path $n/tmp/body;
  proxy_temp_path $n/tmp/proxy;
  fastcgi_temp_path $n/tmp/fastcgi;
  uwsgi_temp_path $n/tmp/uwsgi;
  scgi_temp_path $n/tmp/scgi;
  include $root/deploy/nginx/qianxing.conf;
}
EOF
  "$nginx_bin" -e "$n/error.log" -c "$n/nginx.conf" -t -q
  if alive "$n/nginx.pid"; then "$nginx_bin" -e "$n/error.log" -c "$n/nginx.conf" -s reload
  else "$nginx_bin" -e "$n/error.log" -c "$n/nginx.conf"; fi
  wait_http "http://127.0.0.1:$http_port/api/health" "$n/error.log"
  say "nginx on port $http_port"
}

write_env() {
  {
    echo "QX_CLUSTER_DIR=$dir"
    echo "QX_HTTP=http://127.0.0.1:$http_port"
    echo "QX_PRIMARY_URL=postgres://qx@127.0.0.1:$pg_port/qianxing"
    echo "QX_REPLICA_URL=postgres://qx@127.0.0.1:$replica_port/qianxing"
    echo "QX_METRICS_TOKEN=$(cat "$dir/apps/metrics-token")"
    local i=1
    while read -r port; do
      echo "QX_APP${i}=http://127.0.0.1:$port"
      echo "QX_APP${i}_PID=$(cat "$dir/apps/app$i.pid")"
      i=$((i + 1))
    done <"$dir/apps/ports"
  } >"$dir/cluster.env"
}

down() {
  if alive "$dir/nginx/nginx.pid"; then kill -QUIT "$(cat "$dir/nginx/nginx.pid")"; say "nginx stopped"; fi
  for pidfile in "$dir"/apps/app*.pid; do
    [ -f "$pidfile" ] || continue
    if alive "$pidfile"; then
      local pid
      pid=$(cat "$pidfile")
      kill -TERM "$pid"
      for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
      say "$(basename "$pidfile" .pid) stopped"
    fi
    rm -f "$pidfile"
  done
  for db in replica primary; do
    if [ -f "$dir/pg/$db/postmaster.pid" ]; then
      as_pg "$pg_bin/pg_ctl" -D "$dir/pg/$db" -m fast -w stop >/dev/null && say "$db stopped"
    fi
  done
}

status() {
  local code=0
  for db in primary replica; do
    if [ -f "$dir/pg/$db/postmaster.pid" ]; then say "$db: running"; else say "$db: stopped"; code=1; fi
  done
  for pidfile in "$dir"/apps/app*.pid; do
    [ -f "$pidfile" ] || continue
    if alive "$pidfile"; then say "$(basename "$pidfile" .pid): running (pid $(cat "$pidfile"))"
    else say "$(basename "$pidfile" .pid): stopped"; code=1; fi
  done
  if alive "$dir/nginx/nginx.pid"; then
    say "nginx: running; $(curl -fsS --max-time 2 "http://127.0.0.1:$http_port/api/health" || echo 'no answer')"
  else say "nginx: stopped"; code=1; fi
  return $code
}

case "${1:-}" in
  up)
    mkdir -p "$dir"
    pg_up
    apps_up
    nginx_up
    write_env
    say "up: http://127.0.0.1:$http_port (state in $dir)"
    ;;
  down) down ;;
  # A drill for operators and the cluster's test: the instances read from the primary meanwhile.
  replica-stop) as_pg "$pg_bin/pg_ctl" -D "$dir/pg/replica" -m fast -w stop >/dev/null && say "replica stopped" ;;
  replica-start)
    as_pg "$pg_bin/pg_ctl" -D "$dir/pg/replica" -l "$dir/pg/replica.log" -o "-p $replica_port" -w start >/dev/null
    say "replica started"
    ;;
  status) status ;;
  *) echo "usage: $0 up|down|status|replica-stop|replica-start" >&2; exit 2 ;;
esac
