#!/usr/bin/env bash
# Blackhole vs etcd on this machine: a 3-member etcd 3.4 cluster and a 3-node Blackhole
# raft mesh, both on 127.0.0.1 with fsync on, driven by the same client (bench/kv.js:
# closed-loop clients, one keep-alive connection each, pinned round-robin to the nodes)
# at the same connection counts; prints a side-by-side table with ratios.
#
#   bench/vs-etcd.sh [--duration 10] [--warmup 1] [--conns "1 16 64"] [--ops "put get"] [--rounds 1]
#                    [--keys 10000] [--value-size 200] [--systems "etcd blackhole"]
#                    [--out results.jsonl] [--no-build] [--no-ceiling] [--keep]
#
# The systems run one after the other, never together, so neither pays for the other's
# idle CPU. --rounds N repeats the pair N times, alternated, and the table shows medians: this
# machine's speed drifts by 20 % within minutes, so a single pair of runs can mislead. Gets are linearizable on both (etcd's default range; Blackhole's default GET).
# Everything started here is stopped by pid on exit, whatever the exit. See bench/README.md.

set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
duration=10
warmup=1
conns="1 16 64"
ops="put get"
keys=10000
value_size=200
systems="etcd blackhole"
out=""
build=1
ceiling=1
keep=0
rounds=1

die () { echo "vs-etcd: $*" >&2; exit 1; }
say () { echo "vs-etcd: $*" >&2; }

while [ $# -gt 0 ]; do
  case "$1" in
    --duration) duration=$2; shift 2 ;;
    --warmup) warmup=$2; shift 2 ;;
    --conns) conns=$2; shift 2 ;;
    --ops) ops=$2; shift 2 ;;
    --keys) keys=$2; shift 2 ;;
    --value-size) value_size=$2; shift 2 ;;
    --systems) systems=${2//,/ }; shift 2 ;;
    --out) out=$2; shift 2 ;;
    --no-build) build=0; shift ;;
    --no-ceiling) ceiling=0; shift ;;
    --keep) keep=1; shift ;;
    --rounds) rounds=$2; shift 2 ;;
    -h|--help) sed -n '2,14p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown argument $1 (see --help)" ;;
  esac
done

node_bin="$root/node_modules/.bin/node"
[ -x "$node_bin" ] || node_bin=$(command -v node) || die "no node: run npm install first"
# KV_JS lets a developer point at another build output (e.g. dist-bench/bench/kv.js).
kv_js=${KV_JS:-"$root/dist/bench/kv.js"}

work=$(mktemp -d "${TMPDIR:-/tmp}/bh-vs-etcd.XXXXXX")
results="$work/results.jsonl"
: > "$results"

# ---------------------------------------------------------------------------------------
# Cleanup: every process this script starts is in `started`; on exit each gets SIGTERM,
# then SIGKILL after a grace period. Blackhole's node processes are the mesh's children in
# their own process groups: the mesh stops them on SIGTERM, and their pids (from each
# node's LOCK file) are a backstop, checked against our directory before any signal.

started=()
node_pids=()

alive () { kill -0 "$1" 2>/dev/null; }

# stop_pids GRACE_SECONDS PID...: SIGTERM, wait up to the grace, then SIGKILL.
stop_pids () {
  local grace=$1; shift
  local pid
  for pid in "$@"; do
    if alive "$pid"; then kill -TERM "$pid" 2>/dev/null || true; fi
  done
  local deadline=$((SECONDS + grace))
  for pid in "$@"; do
    while alive "$pid" && [ $SECONDS -lt $deadline ]; do sleep 0.1; done
    if alive "$pid"; then kill -KILL "$pid" 2>/dev/null || true; fi
  done
  for pid in "$@"; do wait "$pid" 2>/dev/null || true; done
}

# Records the pids of Blackhole node processes under $1 (their LOCK files), if they are ours.
collect_node_pids () {
  local lock pid
  for lock in "$1"/node*/LOCK; do
    [ -f "$lock" ] || continue
    pid=$(tr -dc '0-9' < "$lock" || true)
    [ -n "$pid" ] || continue
    if tr '\0' ' ' < "/proc/$pid/cmdline" 2>/dev/null | grep -qF -- "$1"; then
      case " ${node_pids[*]-} " in *" $pid "*) ;; *) node_pids+=("$pid") ;; esac
    fi
  done
}

ours () { tr '\0' ' ' < "/proc/$1/cmdline" 2>/dev/null | grep -qF -- "$work"; }

cleanup () {
  local status=$?
  trap - EXIT INT TERM
  if [ ${#started[@]} -gt 0 ]; then stop_pids 8 "${started[@]}"; fi
  local leftover=() pid
  for pid in ${node_pids[@]+"${node_pids[@]}"}; do
    if alive "$pid" && ours "$pid"; then leftover+=("$pid"); fi
  done
  if [ ${#leftover[@]} -gt 0 ]; then
    say "stopping ${#leftover[@]} blackhole node process(es) the mesh left: ${leftover[*]}"
    stop_pids 5 "${leftover[@]}"
  fi
  if [ "$keep" = 1 ]; then say "kept $work"; else rm -rf "$work"; fi
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# ---------------------------------------------------------------------------------------
# Helpers

# http_ok URL: exit 0 if the URL answers 200 within 2 s.
http_ok () { curl -fsS -o /dev/null --max-time 2 "$1" 2>/dev/null; }
http_body () { curl -fsS --max-time 2 "$1" 2>/dev/null; }

# wait_until SECONDS WHAT COMMAND...: polls COMMAND every 0.25 s; 1 on timeout.
wait_until () {
  local limit=$1 what=$2; shift 2
  local deadline=$((SECONDS + limit))
  while [ $SECONDS -lt $deadline ]; do
    if "$@"; then return 0; fi
    sleep 0.25
  done
  say "timed out after ${limit} s waiting for $what"
  return 1
}

# free_ports COUNT [CONTIGUOUS]: COUNT free TCP ports on 127.0.0.1, one line; contiguous if asked.
free_ports () {
  "$node_bin" -e '
    const net = require("node:net")
    const [count, contiguous] = [Number(process.argv[1]), process.argv[2] === "1"]
    const free = (port) => new Promise((resolve) => {
      const server = net.createServer().once("error", () => resolve(false)).listen(port, "127.0.0.1", () => server.close(() => resolve(true)))
    })
    ;(async () => {
      for (let attempt = 0; attempt < 200; attempt++) {
        // Below the ephemeral range of the kernel (32768 up): a port there that is free now can be
        // given to an outgoing connection before the server binds it.
        const base = 20000 + Math.floor(Math.random() * 12000)
        const ports = []
        for (let i = 0; ports.length < count && i < count * 4; i++) {
          const port = contiguous ? base + ports.length : base + i * 7
          if (await free(port)) ports.push(port); else if (contiguous) break
        }
        if (ports.length === count) { console.log(ports.join(" ")); return }
      }
      process.exit(1)
    })()' "$1" "${2:-0}" || die "no free ports"
}

# forget PID: drops PID from `started` (it has been stopped or has exited).
forget () {
  local kept=() p
  for p in ${started[@]+"${started[@]}"}; do [ "$p" = "$1" ] || kept+=("$p"); done
  started=(${kept[@]+"${kept[@]}"})
}

# kv ARGS...: the client (bench/kv.js). In the background and waited for, so that a signal
# reaches the traps at once instead of after the run, and cleanup stops the client too.
kv () {
  local pid rc=0
  "$node_bin" "$kv_js" "$@" &
  pid=$!
  started+=("$pid")
  wait "$pid" || rc=$?
  forget "$pid"
  return "$rc"
}

# ---------------------------------------------------------------------------------------
# Build, etcd

if [ "$build" = 1 ]; then
  say "building (npm run build)"
  if ! (cd "$root" && npm run build --silent > "$work/build.log" 2>&1); then
    if [ -f "$kv_js" ]; then
      say "npm run build reported errors (first lines below); going on with the existing dist/"
      head -5 "$work/build.log" >&2
    else
      cat "$work/build.log" >&2
      die "build failed and $kv_js does not exist"
    fi
  fi
fi
[ -f "$kv_js" ] || die "$kv_js not found: run npm run build"
command -v curl > /dev/null || die "curl is needed"

install_etcd () {
  command -v etcd > /dev/null && return 0
  [ "$(id -u)" = 0 ] || die "etcd is not installed; as root: apt-get update && apt-get install -y etcd-server"
  command -v apt-get > /dev/null || die "etcd is not installed and there is no apt-get: install etcd 3.4 by hand"
  say "installing etcd-server (Debian package)"
  local was_active=0
  if [ -d /run/systemd/system ] && systemctl is-active --quiet etcd 2>/dev/null; then was_active=1; fi
  timeout 600 apt-get update -qq > "$work/apt.log" 2>&1 || { cat "$work/apt.log" >&2; die "apt-get update failed"; }
  DEBIAN_FRONTEND=noninteractive timeout 600 apt-get install -y -qq etcd-server >> "$work/apt.log" 2>&1 || { cat "$work/apt.log" >&2; die "apt-get install etcd-server failed"; }
  # The package starts its own single-member service where systemd runs; the bench brings
  # its own members, so a service the install started is stopped again.
  if [ -d /run/systemd/system ] && [ "$was_active" = 0 ] && systemctl is-active --quiet etcd 2>/dev/null; then
    systemctl stop etcd || true
    systemctl disable etcd > /dev/null 2>&1 || true
  fi
}

start_etcd () {
  local ports cluster="" i
  read -r -a ports <<< "$(free_ports 6)"
  for i in 0 1 2; do
    cluster+="${cluster:+,}m$i=http://127.0.0.1:${ports[$((3 + i))]}"
  done
  etcd_endpoints=""
  for i in 0 1 2; do
    local client=${ports[$i]} peer=${ports[$((3 + i))]}
    rm -rf "$work/etcd/m$i" && mkdir -p "$work/etcd/m$i"
    # fsync is etcd's default (no --unsafe-no-fsync); heartbeat and election are the defaults.
    etcd --name "m$i" --data-dir "$work/etcd/m$i/data" \
      --listen-client-urls "http://127.0.0.1:$client" --advertise-client-urls "http://127.0.0.1:$client" \
      --listen-peer-urls "http://127.0.0.1:$peer" --initial-advertise-peer-urls "http://127.0.0.1:$peer" \
      --initial-cluster "$cluster" --initial-cluster-token "bench-$$" --initial-cluster-state new \
      --logger zap --log-level warn \
      < /dev/null > "$work/etcd/m$i/etcd.log" 2>&1 &
    started+=("$!")
    etcd_pids+=("$!")
    etcd_endpoints+="${etcd_endpoints:+,}http://127.0.0.1:$client"
  done
}

etcd_healthy () {
  local endpoint
  for endpoint in ${etcd_endpoints//,/ }; do
    http_body "$endpoint/health" | grep -q '"health":"true"' || return 1
  done
}

# ---------------------------------------------------------------------------------------
# Blackhole

start_blackhole () {
  local base
  base=$(free_ports 3 1 | cut -d' ' -f1)
  bh_dir="$work/blackhole"
  # The mesh's nodes default to a memory-lean V8 profile; a benchmark wants the throughput one
  # that `blackhole node` runs (bin/blackhole), with single-threaded GC: three nodes share two
  # cores here, and V8's parallel GC helpers only fight the other nodes for them (measured:
  # 585-716 µs of CPU per put across the mesh against 780 without; RSS 225 MB against 257).
  BLACKHOLE_NODE_FLAGS="${BLACKHOLE_NODE_FLAGS---max-semi-space-size=32 --single-threaded-gc}" "$root/bin/blackhole" mesh --nodes 3 --protocol raft --dir "$bh_dir" --api-port "$base" --no-restart --fresh \
    < /dev/null > "$work/blackhole-mesh.log" 2>&1 &
  started+=("$!")
  bh_mesh_pid=$!
  bh_endpoints="http://127.0.0.1:$base,http://127.0.0.1:$((base + 1)),http://127.0.0.1:$((base + 2))"
}

# api_up: every node's HTTP API answers /health (any status: 503 is an answer too).
blackhole_api_up () {
  alive "$bh_mesh_pid" || return 1
  collect_node_pids "$bh_dir"
  local endpoint code
  for endpoint in ${bh_endpoints//,/ }; do
    code=$(curl -sS -o /dev/null -w '%{http_code}' --max-time 2 "$endpoint/health" 2>/dev/null || true)
    [ -n "$code" ] && [ "$code" != 000 ] || return 1
  done
}

# One line per node: "<url> health=<status> role=<role> leader=<peer id or ->".
blackhole_report () {
  local endpoint health status
  for endpoint in ${bh_endpoints//,/ }; do
    health=$(curl -sS -o /dev/null -w '%{http_code}' --max-time 2 "$endpoint/health" 2>/dev/null || true)
    status=$(http_body "$endpoint/status" || true)
    # shellcheck disable=SC2016 # JavaScript, not shell
    printf '%s health=%s %s\n' "$endpoint" "${health:-none}" "$(printf '%s' "$status" | "$node_bin" -e '
      let s = ""; process.stdin.on("data", (d) => { s += d }).on("end", () => {
        try { const j = JSON.parse(s); process.stdout.write(`role=${j.role} leader=${j.leader ?? "-"} term=${j.term}`) } catch { process.stdout.write("status=none") }
      })')"
  done
}

# ready: /health 200 on every node and the same leader in every /status.
blackhole_ready () {
  collect_node_pids "$bh_dir"
  local report
  report=$(blackhole_report)
  bh_last_report=$report
  local line leader="" seen
  while read -r line; do
    [[ $line == *" health=200 "* ]] || return 1
    seen=$(grep -o 'leader=[^ ]*' <<< "$line" || true)
    [ -n "$seen" ] && [ "$seen" != "leader=-" ] || return 1
    [ -z "$leader" ] || [ "$seen" = "$leader" ] || return 1
    leader=$seen
  done <<< "$report"
  [ -n "$leader" ]
}

# Gives up early when every node says role=idle: no protocol runs in the node at all.
blackhole_ready_or_idle () {
  blackhole_ready && return 0
  if [ $SECONDS -ge $((bh_ready_since + 15)) ] && ! grep -qv 'role=idle ' <<< "$bh_last_report"; then
    bh_idle=1
    return 0
  fi
  return 1
}

stop_system () {
  stop_pids 10 "$@"
  local rest=() pid
  for pid in "$@"; do forget "$pid"; done
  for pid in ${node_pids[@]+"${node_pids[@]}"}; do
    if alive "$pid" && ours "$pid"; then rest+=("$pid"); fi
  done
  if [ ${#rest[@]} -gt 0 ]; then stop_pids 5 "${rest[@]}"; fi
}

# start_rss_sampler PID...: every second, the largest RSS (kB) any of the PIDs has had so far
# goes into $work/peak-rss; stop_rss_sampler prints it in MB.
start_rss_sampler () {
  echo 0 > "$work/peak-rss"
  (
    peak=0
    while :; do
      for pid in "$@"; do
        kb=$(awk '/^VmRSS/ { print $2 }' "/proc/$pid/status" 2>/dev/null || true)
        if [ "${kb:-0}" -gt "$peak" ]; then peak=$kb; echo "$peak" > "$work/peak-rss"; fi
      done
      sleep 1
    done
  ) &
  rss_sampler=$!
  started+=("$rss_sampler")
}
stop_rss_sampler () {
  kill "$rss_sampler" 2>/dev/null || true
  wait "$rss_sampler" 2>/dev/null || true
  forget "$rss_sampler"
  echo $(( $(cat "$work/peak-rss") / 1024 ))
}
peak_rss=()

# ---------------------------------------------------------------------------------------
# The runs

# drive SYSTEM ENDPOINTS: preload, then every op at every connection count.
drive () {
  local system=$1 endpoints=$2 op c
  say "$system: preloading $keys keys of $value_size bytes"
  kv --target "$system" --endpoints "$endpoints" --keys "$keys" --value-size "$value_size" --clients 64 --preload-only \
    || { say "$system: preload failed; skipping $system"; return 1; }
  for op in $ops; do
    for c in $conns; do
      kv --target "$system" --endpoints "$endpoints" --clients "$c" --duration "$duration" --warmup "$warmup" \
        --op "$op" --keys "$keys" --value-size "$value_size" --consistency linearizable --json >> "$results" \
        || say "$system $op at $c connections failed"
    done
  done
}

[[ $rounds =~ ^[1-9][0-9]*$ ]] || die "--rounds wants a positive integer, not $rounds"
skipped=()
declare -A peak_rss_of=()
for round in $(seq 1 "$rounds"); do
[ "$rounds" = 1 ] || say "round $round of $rounds"
for system in $systems; do
  case "$system" in
    etcd)
      install_etcd
      etcd_version=$(etcd --version 2>/dev/null | sed -n 1p || true)
      [[ $etcd_version == "etcd Version: 3.4."* ]] || say "warning: ${etcd_version:-etcd --version says nothing}, not 3.4"
      etcd_pids=()
      start_etcd
      if wait_until 60 "etcd /health on 3 members" etcd_healthy; then
        say "etcd: 3 members healthy at $etcd_endpoints ($etcd_version)"
        start_rss_sampler "${etcd_pids[@]}"
        drive etcd "$etcd_endpoints" || skipped+=("etcd (preload failed)")
        peak=$(stop_rss_sampler)
        [ "${peak_rss_of[etcd]:-0}" -ge "$peak" ] || peak_rss_of[etcd]=$peak
      else
        tail -5 "$work"/etcd/m*/etcd.log >&2 || true
        skipped+=("etcd (not healthy within 60 s)")
      fi
      stop_system "${etcd_pids[@]}"
      ;;
    blackhole)
      start_blackhole
      bh_idle=0
      bh_last_report=""
      bh_ready_since=$SECONDS
      if ! wait_until 60 "blackhole's HTTP API on 3 nodes" blackhole_api_up; then
        tail -5 "$work/blackhole-mesh.log" >&2 || true
        skipped+=("blackhole (the nodes' HTTP API did not come up within 60 s)")
      elif ! wait_until 60 "/health 200 and one leader in /status on 3 nodes" blackhole_ready_or_idle || [ "$bh_idle" = 1 ]; then
        say "blackhole: not ready; the nodes say:"
        blackhole_report >&2
        if [ "$bh_idle" = 1 ]; then
          say "blackhole: every node reports role=idle: Raft is not running in the node yet; skipping blackhole"
          skipped+=("blackhole (role idle: Raft not in the node yet)")
        else
          say "blackhole: no elected leader (or /health not 200) within 60 s; skipping blackhole"
          skipped+=("blackhole (no leader in /status, or /health not 200, within 60 s)")
        fi
      elif ! probe=$(kv --probe --target blackhole --endpoints "$bh_endpoints" --timeout-ms 5000 2>&1); then
        say "blackhole: the key-value API does not work: $probe; skipping blackhole"
        skipped+=("blackhole (key-value API: $probe)")
      else
        say "blackhole: 3 nodes healthy, leader elected, key-value API answers at $bh_endpoints"
        start_rss_sampler ${node_pids[@]+"${node_pids[@]}"}
        drive blackhole "$bh_endpoints" || skipped+=("blackhole (preload failed)")
        peak=$(stop_rss_sampler)
        [ "${peak_rss_of[blackhole]:-0}" -ge "$peak" ] || peak_rss_of[blackhole]=$peak
      fi
      stop_system "$bh_mesh_pid"
      ;;
    *) die "unknown system $system (etcd, blackhole)" ;;
  esac
done
done
for system in $systems; do
  [ -z "${peak_rss_of[$system]:-}" ] || peak_rss+=("$system ${peak_rss_of[$system]} MB")
done

# The client's own ceiling on this machine now: the same client at the top connection count
# against a stub that answers at once. Figures near it measure the client, not the system.
ceiling_line=""
if [ "$ceiling" = 1 ]; then
  top=0
  for c in $conns; do
    if [ "$c" -gt "$top" ]; then top=$c; fi
  done
  ceiling_json=$(kv --against-stub canned --target blackhole --clients "$top" --duration 3 --warmup 1 --op put --value-size "$value_size" --json 2>/dev/null || true)
  # shellcheck disable=SC2016 # JavaScript, not shell
  ceiling_line=$(printf '%s' "$ceiling_json" | "$node_bin" -e '
    let s = ""; process.stdin.on("data", (d) => { s += d }).on("end", () => {
      try { const r = JSON.parse(s); process.stdout.write(`client ceiling: ${Math.round(r.opsPerSecond).toLocaleString("en-US")} puts/s at ${r.clients} connections against a stub that answers at once (client at ${Math.round(r.clientCpu.utilization * 100)}% of a core, ${Math.round(r.clientCpu.microsPerOp)} µs CPU per request)`) } catch {}
    })' || true)
fi

echo
echo "Blackhole vs etcd: 3 nodes each on 127.0.0.1, fsync on; $value_size-byte values, $keys keys; linearizable gets;"
echo "closed-loop clients, one keep-alive connection each, spread over the 3 nodes; ${duration} s per run after ${warmup} s warm-up"
echo "($(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg) now; client: bench/kv.js)"
[ -z "$ceiling_line" ] || echo "$ceiling_line"
if [ ${#peak_rss[@]} -gt 0 ]; then
  rss_line=$(IFS=';'; echo "${peak_rss[*]}")
  echo "peak RSS of one node while driven: ${rss_line//;/; }"
fi
echo
if [ -s "$results" ]; then kv --table "$results"; else echo "no results"; fi
for reason in ${skipped[@]+"${skipped[@]}"}; do echo "skipped: $reason"; done
if [ -n "$out" ]; then cp "$results" "$out"; say "results (JSON lines) written to $out"; fi
