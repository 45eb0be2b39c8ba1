#!/usr/bin/env bash
# A local 2-shard ClickHouse cluster for tests and benchmarks: two clickhouse-server processes on
# loopback, each with its own ports and data folder, and a `remote_servers` config naming the
# cluster `talentflow` (no ZooKeeper: talentflow creates tables on each shard itself).
#
#   scripts/clickhouse-cluster.sh start [DIR]   # prints the HTTP URLs, one a line
#   scripts/clickhouse-cluster.sh stop [DIR]    # stops both servers and removes DIR
#   scripts/clickhouse-cluster.sh status [DIR]
#
# Ports: $TF_CH_PORT_BASE (default 18120) + 3 (HTTP 1, 2), + 13 (TCP 1, 2), + 23 (interserver).
set -euo pipefail
cmd=${1:-}
dir=${2:-${TF_CH_DIR:-/tmp/talentflow-clickhouse}}
base=${TF_CH_PORT_BASE:-18120}
server=$(command -v clickhouse-server || true)

http() { echo $((base + 3 + $1)); }
tcp() { echo $((base + 13 + $1)); }
inter() { echo $((base + 23 + $1)); }

config() {
  local i=$1 d=$dir/s$1
  cat <<XML
<yandex>
  <logger><level>warning</level><log>$d/log/server.log</log><errorlog>$d/log/error.log</errorlog><console>0</console></logger>
  <listen_host>127.0.0.1</listen_host>
  <http_port>$(http "$i")</http_port>
  <tcp_port>$(tcp "$i")</tcp_port>
  <interserver_http_port>$(inter "$i")</interserver_http_port>
  <path>$d/data/</path>
  <tmp_path>$d/tmp/</tmp_path>
  <user_files_path>$d/user_files/</user_files_path>
  <format_schema_path>$d/format_schemas/</format_schema_path>
  <users_config>users.xml</users_config>
  <default_profile>default</default_profile>
  <default_database>default</default_database>
  <mark_cache_size>268435456</mark_cache_size>
  <max_concurrent_queries>50</max_concurrent_queries>
  <remote_servers>
    <talentflow>
      <shard><replica><host>127.0.0.1</host><port>$(tcp 1)</port></replica></shard>
      <shard><replica><host>127.0.0.1</host><port>$(tcp 2)</port></replica></shard>
    </talentflow>
  </remote_servers>
</yandex>
XML
}

case "$cmd" in
  start)
    [ -n "$server" ] || { echo "clickhouse-server not found (apt-get install -y clickhouse-server clickhouse-client)" >&2; exit 3; }
    for i in 1 2; do
      d=$dir/s$i
      mkdir -p "$d/conf" "$d/log" "$d/data" "$d/tmp" "$d/user_files" "$d/format_schemas"
      config "$i" >"$d/conf/config.xml"
      cp /etc/clickhouse-server/users.xml "$d/conf/users.xml"
      if [ -f "$d/pid" ] && kill -0 "$(cat "$d/pid")" 2>/dev/null; then continue; fi
      setsid "$server" --config-file="$d/conf/config.xml" >"$d/log/stdout.log" 2>&1 </dev/null &
      echo $! >"$d/pid"
    done
    for i in 1 2; do
      for _ in $(seq 1 100); do
        curl -sf "http://127.0.0.1:$(http "$i")/ping" >/dev/null 2>&1 && break
        kill -0 "$(cat "$dir/s$i/pid")" 2>/dev/null || { echo "server $i died:" >&2; tail -5 "$dir/s$i/log/error.log" >&2 || true; exit 1; }
        sleep 0.2
      done
      curl -sf "http://127.0.0.1:$(http "$i")/ping" >/dev/null || { echo "server $i did not answer" >&2; exit 1; }
      echo "http://127.0.0.1:$(http "$i")"
    done
    ;;
  stop)
    for i in 1 2; do
      f=$dir/s$i/pid
      [ -f "$f" ] || continue
      pid=$(cat "$f")
      if kill -0 "$pid" 2>/dev/null; then
        kill "$pid"
        for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
        kill -0 "$pid" 2>/dev/null && kill -9 "$pid" || true
      fi
    done
    rm -rf "$dir"
    ;;
  status)
    for i in 1 2; do
      f=$dir/s$i/pid
      if [ -f "$f" ] && kill -0 "$(cat "$f")" 2>/dev/null; then echo "server $i: running (pid $(cat "$f"), http://127.0.0.1:$(http "$i"))"; else echo "server $i: stopped"; fi
    done
    ;;
  *) echo "usage: $0 start|stop|status [DIR]" >&2; exit 2 ;;
esac
