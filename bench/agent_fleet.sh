#!/usr/bin/env bash
# Agent fleet: NODES simulated agents (build/bench/gpuaas_agent_fleet_load, one process) hold one
# WebSocket each to one server and heartbeat with 8 GPUs' telemetry every 10 s (+-10% jitter).
# Measures, against issue 6's targets: server CPU and RSS growth per connection over a steady
# window, heartbeat handling latency (client-side ping round trip through the server's read loop),
# coalesced liveness writes (/metrics), false offline over the run, time to mark SILENT hung nodes
# offline, and the reconnection of all NODES after a server restart (SIGTERM, start again on the
# same database).
#   bench/agent_fleet.sh        (needs the server and gpuaas_agent_fleet_load built)
# Environment: NODES (19000), DURATION (steady window in s, 300; 1800 for the 30-minute run),
#   SILENT (10), PING_EVERY (a ping per connection every this many intervals, 1; 0: none),
#   SETTLE (s after all are connected before the window, 30), OPENERS (256),
#   PARALLEL (enrollments in flight, 8), SERVER_THREADS (io threads, 2), RESTART (1; 0 skips it),
#   DATABASE (default: SQLite in the state directory), STATE_DIR (kept and reused: database,
#   secrets key, admin password and enrolled identities; default a temp dir removed at exit),
#   SERVER (build/apps/gpuaas-server), LOAD (build/bench/gpuaas_agent_fleet_load).
# Client and server each hold one descriptor per node: the soft limit is raised to the hard one.
set -euo pipefail
cd "$(dirname "$0")/.."
nodes=${NODES:-19000}
duration=${DURATION:-300}
silent=${SILENT:-10}
ping_every=${PING_EVERY:-1}
settle=${SETTLE:-30}
openers=${OPENERS:-256}
parallel=${PARALLEL:-8}
server_threads=${SERVER_THREADS:-2}
restart=${RESTART:-1}
server=${SERVER:-build/apps/gpuaas-server}
load=${LOAD:-build/bench/gpuaas_agent_fleet_load}
if [[ -n "${STATE_DIR:-}" ]]; then
  state=$STATE_DIR
  mkdir -p "$state"
  keep_state=1
else
  state=$(mktemp -d /tmp/gpuaas-fleet-XXXXXX)
  keep_state=0
fi
work=$(mktemp -d /tmp/gpuaas-fleet-run-XXXXXX)
database=${DATABASE:-sqlite:$state/gpuaas.db}
[[ -f "$state/password" ]] || head -c 18 /dev/urandom | base64 | tr -d '/+=' >"$state/password"
password=$(cat "$state/password")
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
base="http://127.0.0.1:$port"
cleanup() {
  [[ -n "${load_pid:-}" ]] && kill "$load_pid" 2>/dev/null || true
  [[ -n "${server_pid:-}" ]] && kill "$server_pid" 2>/dev/null || true
  wait 2>/dev/null || true
  [[ $keep_state == 1 ]] || rm -rf "$state"
  [[ -n "${KEEP_LOGS:-}" ]] || rm -rf "$work"
}
trap cleanup EXIT

hard=$(ulimit -Hn)
ulimit -n "$hard"
if [[ $hard != unlimited ]] && ((hard < nodes + 200)); then
  echo "warning: the descriptor limit ($hard) is below NODES + 200; expect failed connections" >&2
fi
for binary in "$server" "$load"; do [[ -x $binary ]] || { echo "missing $binary (build it first)" >&2; exit 1; }; done

start_server() {
  GPUAAS_ADMIN_EMAIL=bench@gpuaas.test GPUAAS_ADMIN_PASSWORD="$password" GPUAAS_PASSWORD_HASH_COST=minimum \
    "$server" serve --listen "127.0.0.1:$port" --database "$database" --web-root "$work/none" \
    --secrets-key-file "$state/secrets.key" --io-threads "$server_threads" --log-level warn \
    --rate-limit-ip-per-second 10000000 --rate-limit-principal-per-second 10000000 \
    --rate-limit-sign-in-per-minute 1000000 >>"$work/server.log" 2>&1 &
  server_pid=$!
  for _ in $(seq 1 300); do curl -fsS "$base/readyz" >/dev/null 2>&1 && return 0; sleep 0.1; done
  echo "the server did not become ready; its log:" >&2
  tail -20 "$work/server.log" >&2
  exit 1
}
now_ms() { date +%s%3N; }
ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }  # utime + stime, in clock ticks
rss_kib() { awk -v key="$2:" '$1 == key {print $2}' "/proc/$1/status"; }
metric() { curl -fsS -H "Authorization: Bearer $token" "$base/metrics" | awk -v m="$1" '$1 == m {print $2}'; }
# Offline node IDs (all pages) on one line each; the first line is the server's count of offline nodes.
offline_nodes() {
  python3 - "$base" "$token" <<'EOF'
import json, sys, urllib.request
base, token = sys.argv[1], sys.argv[2]
cursor, ids, count = None, [], None
while True:
    url = base + "/api/v1/nodes?state=offline&limit=200" + ("&cursor=" + cursor if cursor else "")
    req = urllib.request.Request(url, headers={"Authorization": "Bearer " + token})
    page = json.load(urllib.request.urlopen(req, timeout=30))
    count = page["counts"].get("offline", 0) if count is None else count
    ids += [item["id"] for item in page["items"]]
    cursor = page.get("next_cursor")
    if not cursor:
        break
print(count)
print("\n".join(ids))
EOF
}
# The newest load-client event of a kind, as JSON (empty when none yet).
last_event() { grep "\"event\":\"$1\"" "$work/load.out" | tail -1 || true; }
field() { python3 -c 'import json,sys; d=json.loads(sys.argv[1]); print(d'"$2"')' "$1"; }

start_server
login=$(curl -fsS -c "$work/jar" -H 'Content-Type: application/json' \
  -d "{\"email\":\"bench@gpuaas.test\",\"password\":\"$password\"}" "$base/api/v1/auth/login")
csrf=$(python3 -c 'import json,sys; print(json.load(sys.stdin)["csrf_token"])' <<<"$login")
token=$(curl -fsS -b "$work/jar" -H "X-CSRF-Token: $csrf" -H 'Content-Type: application/json' \
  -d '{"name":"bench"}' "$base/api/v1/users/me/tokens" | python3 -c 'import json,sys; print(json.load(sys.stdin)["secret"])')

echo "nodes $nodes, window $duration s, silent $silent, server io threads $server_threads, fd limit $hard," \
  "$(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), database ${database%%:*}"
enroll_started=$(now_ms)
"$load" enroll --target "127.0.0.1:$port" --token "$token" --identities "$state/identities.jsonl" \
  --count "$nodes" --parallel "$parallel" | grep -v enroll_progress | tee "$work/enroll.out"
echo "enrollment: $(( ($(now_ms) - enroll_started) / 1000 )) s for the missing identities"

rss_before=$(rss_kib "$server_pid" VmRSS)
echo "server RSS before any agent connected: $((rss_before / 1024)) MiB"
"$load" run --target "127.0.0.1:$port" --identities "$state/identities.jsonl" --count "$nodes" \
  --openers "$openers" --ping-every "$ping_every" --silence "$silent" --silence-after-s "$settle" >"$work/load.out" 2>"$work/load.err" &
load_pid=$!
connect_started=$(now_ms)
until [[ -n $(last_event all_connected) ]]; do
  kill -0 "$load_pid" 2>/dev/null || { echo "the load client exited" >&2; cat "$work/load.err" >&2; exit 1; }
  if (( $(now_ms) - connect_started > 900000 )); then echo "not all connected within 900 s" >&2; break; fi
  sleep 1
done
all=$(last_event all_connected)
[[ -n $all ]] && echo "all $nodes connected in $(field "$all" '["seconds"]') s" \
  "($(field "$all" '["attempts"]') attempts, $(field "$all" '["failures"]') failures)"

# Steady state: after SETTLE, the silenced nodes go silent; the window runs DURATION seconds.
sleep "$settle"
window_start=$(now_ms)
ticks_start=$(ticks "$server_pid")
load_ticks_start=$(ticks "$load_pid")
beats_start=$(metric gpuaas_agent_heartbeats_total)
batches_start=$(metric gpuaas_liveness_batches_total)
rows_start=$(metric gpuaas_liveness_rows_total)
marked_start=$(metric gpuaas_nodes_marked_offline_total)
status_lines_start=$(grep -c '"event":"status"' "$work/load.out" || true)
declare -A silenced_ids=() offline_seen=()
silenced_at=""
false_offline=0
max_offline=0
offline_latest=""
while (( $(now_ms) - window_start < duration * 1000 )); do
  sleep 2
  if [[ -z $silenced_at ]]; then
    event=$(last_event silenced)
    if [[ -n $event ]]; then
      silenced_at=$(field "$event" '["at_ms"]')
      for id in $(field "$event" '["node_ids"]' | tr -d "[]',"); do silenced_ids[$id]=1; done
    fi
  fi
  mapfile -t offline < <(offline_nodes)
  now=$(now_ms)
  (( offline[0] > max_offline )) && max_offline=${offline[0]}
  for id in "${offline[@]:1}"; do
    [[ -z $id || -n ${offline_seen[$id]:-} ]] && continue
    offline_seen[$id]=$now
    if [[ -n ${silenced_ids[$id]:-} ]]; then
      offline_latest=$now
    else
      false_offline=$((false_offline + 1))
      echo "false offline: $id at $(( (now - window_start) / 1000 )) s into the window"
    fi
  done
done
window_ms=$(( $(now_ms) - window_start ))
ticks_end=$(ticks "$server_pid")
load_ticks_end=$(ticks "$load_pid")
rss_after=$(rss_kib "$server_pid" VmRSS)
rss_peak=$(rss_kib "$server_pid" VmHWM)
beats_end=$(metric gpuaas_agent_heartbeats_total)
batches_end=$(metric gpuaas_liveness_batches_total)
rows_end=$(metric gpuaas_liveness_rows_total)
marked_end=$(metric gpuaas_nodes_marked_offline_total)
hz=$(getconf CLK_TCK)
silenced_offline=0
for id in "${!silenced_ids[@]}"; do [[ -n ${offline_seen[$id]:-} ]] && silenced_offline=$((silenced_offline + 1)); done
# Ping round trips over the window: the client's per-period figures.
read -r rtt_p99_max rtt_p50_med rtt_max periods connected_min drops_window rtt_p99_med <<<"$(tail -n +$((status_lines_start + 1)) "$work/load.out" |
  grep '"event":"status"' | python3 -c '
import json, sys
rows = [json.loads(l) for l in sys.stdin]
p99 = [r["rtt_p99_ms"] for r in rows if r["rtt_samples"]]
p50 = sorted(r["rtt_p50_ms"] for r in rows if r["rtt_samples"])
p99s = sorted(p99)
p99m = p99s[len(p99s)//2] if p99s else 0
mx = [r["rtt_max_ms"] for r in rows if r["rtt_samples"]]
drops = rows[-1]["drops"] - rows[0]["drops"] if rows else 0
print(max(p99, default=0), p50[len(p50)//2] if p50 else 0, max(mx, default=0), len(rows),
      min((r["connected"] for r in rows), default=0), drops, p99m)')"
load_before_restart=$(cut -d' ' -f1-3 /proc/loadavg)

cpu=$(python3 -c "print(f'{($ticks_end - $ticks_start) / $hz / ($window_ms / 1000):.3f}')")
load_cpu=$(python3 -c "print(f'{($load_ticks_end - $load_ticks_start) / $hz / ($window_ms / 1000):.3f}')")
rss_per=$(python3 -c "print(f'{($rss_after - $rss_before) / $nodes:.1f}')")
beats_rate=$(python3 -c "print(f'{($beats_end - $beats_start) / ($window_ms / 1000):.0f}')")
batch_rate=$(python3 -c "print(f'{($batches_end - $batches_start) / ($window_ms / 1000):.2f}')")
rows_per_batch=$(python3 -c "b=$batches_end-$batches_start; print(f'{($rows_end - $rows_start) / b:.0f}' if b else 0)")
if [[ -n $offline_latest && -n $silenced_at ]]; then
  offline_s=$(( (offline_latest - silenced_at + 999) / 1000 ))
else
  offline_s=""
fi

# Restart: SIGTERM, start again on the same database, wait until the client has all NODES back.
restart_s="" restart_ready_s="" shutdown_s="" recovered="" startup_s=""
if [[ $restart == 1 ]]; then
  recovered_before=$(grep -c '"event":"recovered"' "$work/load.out" || true)
  stop_at=$(now_ms)
  kill -TERM "$server_pid"
  while kill -0 "$server_pid" 2>/dev/null; do sleep 0.1; done
  wait "$server_pid" 2>/dev/null || true
  shutdown_s=$(python3 -c "print(f'{($(now_ms) - $stop_at) / 1000:.1f}')")
  start_at=$(now_ms)
  start_server
  ready_at=$(now_ms)
  startup_s=$(python3 -c "print(f'{($ready_at - $start_at) / 1000:.1f}')")
  until (( $(grep -c '"event":"recovered"' "$work/load.out" || true) > recovered_before )); do
    if (( $(now_ms) - start_at > 600000 )); then echo "not all reconnected within 600 s" >&2; break; fi
    sleep 0.5
  done
  recovered=$(last_event recovered)
  if [[ -n $recovered ]]; then
    recovered_at=$(field "$recovered" '["at_ms"]')
    restart_s=$(python3 -c "print(f'{($recovered_at - $start_at) / 1000:.1f}')")
    restart_ready_s=$(python3 -c "print(f'{($recovered_at - $ready_at) / 1000:.1f}')")
    rss_restart=$(rss_kib "$server_pid" VmRSS)
  fi
fi
kill -TERM "$load_pid" 2>/dev/null || true
wait "$load_pid" 2>/dev/null || true
load_pid=""
final=$(last_event final)

pass() { if python3 -c "import sys; sys.exit(0 if ($1) else 1)"; then echo pass; else echo FAIL; fi; }
echo
echo "== results (window $((window_ms / 1000)) s, load average before the restart $load_before_restart) =="
echo "connected during the window: min $connected_min of $nodes, drops $drops_window, status periods $periods"
echo "server CPU: $cpu of one core [target < 0.25: $(pass "$cpu < 0.25")]; load client: $load_cpu of one core"
echo "server RSS: $((rss_before / 1024)) MiB before, $((rss_after / 1024)) MiB connected (peak $((rss_peak / 1024)) MiB)," \
  "$rss_per KiB per connection [target < 32: $(pass "$rss_per < 32")]"
if [[ $ping_every == 0 ]]; then
  echo "ping round trip: not measured (PING_EVERY=0)"
else
  echo "ping round trip: p99 $rtt_p99_max ms (worst period), $rtt_p99_med ms (median period)," \
    "p50 $rtt_p50_med ms (median period), max $rtt_max ms" \
    "[target p99 < 50: $(pass "$rtt_p99_max < 50")]"
fi
echo "liveness: $beats_rate heartbeats/s received, $batch_rate transactions/s, $rows_per_batch rows per transaction" \
  "[coalesced, at most ~1 transaction/s: $(pass "$batch_rate <= 1.1 and $beats_rate > 0")]"
echo "false offline: $false_offline seen by polling, max offline at once $max_offline;" \
  "marked offline by the sweep: $((marked_end - marked_start)) for $silent silenced [target 0: $(pass "$false_offline == 0 and $((marked_end - marked_start)) <= $silent")]"
if [[ $silent == 0 ]]; then
  echo "silent nodes: not measured (SILENT=0)"
else
  echo "silent nodes: $silenced_offline of ${#silenced_ids[@]} offline, the last ${offline_s:-?} s after silencing" \
    "(polled every ~2 s) [target < 40: $(pass "'${offline_s:-999}' != '' and ${offline_s:-999} < 40 and $silenced_offline == ${#silenced_ids[@]}")]"
fi
if [[ $restart == 1 ]]; then
  echo "restart: shutdown ${shutdown_s} s, startup to ready ${startup_s} s; all $nodes back ${restart_s:-never} s after" \
    "the new server started (${restart_ready_s:-?} s after ready) [target < 60: $(pass "'${restart_s}' != '' and ${restart_s:-999} < 60")]"
  [[ -n $recovered ]] && echo "  reconnection: $(field "$recovered" '["seconds_from_first_drop"]') s from the first drop," \
    "peak $(field "$recovered" '["peak_welcomes_per_s"]') welcomes/s, peak $(field "$recovered" '["peak_attempts_per_s"]')" \
    "attempts/s, $(field "$recovered" '["attempts"]') attempts for $nodes nodes; server RSS after ${rss_restart:+$((rss_restart / 1024)) MiB}"
fi
[[ -n $final ]] && echo "client final: $final"
grep -o '"event":"[a-z_]*"' "$work/server.log" | sort | uniq -c | sed 's/^/server logged: /' || true
