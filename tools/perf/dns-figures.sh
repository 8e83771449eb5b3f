#!/usr/bin/env bash
# The DNS forwarder issue's figures: dnsperf against dnsmasq, unbound (as a forwarder) and Edge
# (edge-service run with Edge:Dns), on loopback, each forwarder pinned to core 0 and dnsperf plus
# the upstream to core 1. Prints a markdown table; keeps every raw output.
#
# Usage: tools/perf/dns-figures.sh [--runs N] [--duration S] [--forwarders "dnsmasq unbound edge"]
#                                  [--blocked "1000000 3000000"] [--latency-qps Q] [--quick]
#   --runs N          runs per case, the median reported (default 3)
#   --duration S      seconds per throughput run (default 10)
#   --forwarders LIST which columns to measure (default all three; a missing one prints "not run")
#   --blocked LIST    sizes of the blocked-name sets (default "1000000 3000000")
#   --latency-qps Q   the fixed rate of the latency runs (default 10000)
#   --quick           1 run of 3 s, blocked 100000 only: checks the script, not the figures
# Environment:
#   OUT       raw outputs (default artifacts/dns-figures/<UTC time>): dnsperf outputs, configs,
#             logs, runs.tsv (every run's value), table.md (the table printed at the end)
#   WORK      scratch folder for the generated name files (default /tmp/edge-dns-figures.XXXXXX,
#             removed at the end unless KEEP=1)
#   EDGE_BIN  the edge-service binary (default artifacts/publish-x64/edge-service, published as
#             NativeAOT for linux-x64 if missing; REBUILD=1 publishes again; a given path is used as is)
#   EDGE_RELOAD_CMD  how to make the running Edge reload its intel (3,000,000 names) while dnsperf
#             runs, e.g. 'kill -HUP $EDGE_PID' (EDGE_PID and EDGE_INTEL are set for it). Unset: the
#             reload row says "not run". <<< HOOK: the lead fills in the documented trigger. >>>
#   NICE      the niceness of the forwarders, the upstream and dnsperf (default -10: on a machine
#             others use, the measured programs get most of their core; 0 for none)
#   PORT_BASE first of five loopback ports (default 15300: upstream, dnsmasq, unbound, Edge, spare)
#
# Setup (all on 127.0.0.1, distinct ports; nothing leaves the machine):
#   upstream  unbound, 1 thread, on core 1: `local-zone: "bench.test." redirect` and
#             `local-data: "bench.test. 300 IN A 192.0.2.1"`, so any name under bench.test is answered
#             at once; everything else REFUSED (it never reaches the Internet).
#   dnsmasq   --server=127.0.0.1#UPSTREAM --cache-size=10000 --dns-forward-max=1000 --no-resolv
#             --no-hosts; blocked names as `address=/NAME/` lines (NXDOMAIN) in a --conf-file.
#   unbound   1 thread, forward-zone "." to the upstream, default caches (msg 4m, rrset 4m);
#             blocked names as `local-zone: "NAME." always_nxdomain`.
#   Edge      EDGE_BIN run with Edge__Dns__Enabled=true, Listen 127.0.0.1:PORT, Upstreams 127.0.0.1:UPSTREAM,
#             Edge__Capture__Enabled=false, embedded broker, status page off; blocked names as an
#             intel list file malware.txt (Edge__Intel__Lists__0), answered NXDOMAIN; with the
#             DOTNET_GC* settings of deploy/systemd/edge-service.service, as on the appliance.
#   dnsperf   -c 8 -q 200 -T 1 -t 2, on core 1.
# Cases (each forwarder freshly started for each group):
#   cached    1,000 names, one warm-up pass, then DURATION s over them, RUNS times
#   uncached  unique random labels under bench.test (a fresh set of 1,000,000 per run; nothing repeats),
#             the forwarder restarted before each run; dnsmasq with --cache-size=1000000 there so it
#             never evicts (with 10,000 it evicts from the 10,001st name on: the cache-full row)
#   blocked   N synthetic names loaded (N from --blocked); queries for 100,000 of them
#   cache full  100,000 distinct names repeated (a working set larger than dnsmasq's 10,000 entries,
#             unbound's default 8 MB and Edge's Edge__Dns__CacheMiB=1), after one warm-up pass
#   latency   dnsperf -Q RATE -v for 10 s, per-query latencies → p50 and p99, for the upstream alone
#             and through each forwarder (cached names, warmed; and fresh unique names)
#   memory    VmRSS and VmHWM (/proc/PID/status): idle 2 s after start, after the cached runs, with
#             each blocked set loaded (and how long the forwarder took to answer after start)
#   reload    Edge only, EDGE_RELOAD_CMD at 5 s into a 20 s run at RATE qps: qps per second, max latency
# Needs: unbound, dnsmasq, dnsperf, dig, taskset, awk (tools/dev/deps.sh); dotnet to publish Edge.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
RUNS=3
DURATION=10
FORWARDERS="dnsmasq unbound edge"
BLOCKED="1000000 3000000"
LAT_QPS=10000
LAT_SECONDS=10
UNCACHED_PER_RUN=1000000
while [[ $# -gt 0 ]]; do
    case $1 in
        --runs) RUNS=$2; shift 2 ;;
        --duration) DURATION=$2; shift 2 ;;
        --forwarders) FORWARDERS=$2; shift 2 ;;
        --blocked) BLOCKED=$2; shift 2 ;;
        --latency-qps) LAT_QPS=$2; shift 2 ;;
        --quick) RUNS=1; DURATION=3; LAT_SECONDS=3; BLOCKED=100000; UNCACHED_PER_RUN=200000; shift ;;
        -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
        *) echo "unknown argument: $1 (see --help)" >&2; exit 2 ;;
    esac
done

UNBOUND=/usr/sbin/unbound
DNSMASQ=/usr/sbin/dnsmasq
for tool in "$UNBOUND" "$DNSMASQ" dnsperf dig taskset awk; do
    command -v "$tool" >/dev/null || { echo "missing: $tool (tools/dev/deps.sh)" >&2; exit 3; }
done
[[ $(nproc) -ge 2 ]] || { echo "needs 2 cores (forwarder on core 0, dnsperf and upstream on core 1)" >&2; exit 3; }

PORT_BASE=${PORT_BASE:-15300}
UP_PORT=$PORT_BASE
declare -A PORT=([dnsmasq]=$((PORT_BASE + 1)) [unbound]=$((PORT_BASE + 2)) [edge]=$((PORT_BASE + 3)))
for port in $UP_PORT "${PORT[@]}"; do
    if ss -Hlun "sport = :$port" | grep -q .; then echo "port $port is taken (PORT_BASE=...)" >&2; exit 3; fi
done

OUT=${OUT:-$ROOT/artifacts/dns-figures/$(date -u +%Y%m%dT%H%M%SZ)}
mkdir -p "$OUT"
WORK=${WORK:-$(mktemp -d /tmp/edge-dns-figures.XXXXXX)}
mkdir -p "$WORK"
PIDS=()
cleanup() {
    local pid
    for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
    if [[ ${KEEP:-0} == 1 ]]; then echo "kept $WORK" >&2; else rm -rf -- "$WORK"; fi
}
trap cleanup EXIT
# A closed pipe (| head) or Ctrl+C must not leave the servers behind: exit, which runs cleanup.
trap 'exit 130' INT TERM HUP PIPE

source "$ROOT/tools/perf/dns/lib.sh"

say "# DNS forwarder figures, $(date -u +%Y-%m-%dT%H:%M:%SZ)"
say "machine: $(nproc) cores, $(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo), $(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo); load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
say "commit: $(git -C "$ROOT" rev-parse --short HEAD)$(git -C "$ROOT" diff --quiet HEAD -- edge-service || echo ' (with uncommitted changes)')"
say "versions: $($UNBOUND -V | head -n 1), $($DNSMASQ --version | head -n 1 | cut -d' ' -f1-3), $(dnsperf -h 2>&1 | grep -m1 Version)"
say "raw outputs: $OUT"
printf 'forwarder\tcase\trun\tvalue\tload1\n' > "$OUT/runs.tsv"

# --- names ---------------------------------------------------------------------------------------
say "## generating names in $WORK"
names cached 1 1000 > "$WORK/cached.txt"
names full 2 100000 > "$WORK/full.txt"
for r in $(seq 1 "$RUNS"); do
    names "u$r" $((10 + r)) "$UNCACHED_PER_RUN" > "$WORK/uncached-$r.txt"
    names "l$r" $((20 + r)) $((LAT_QPS * LAT_SECONDS * 12 / 10)) > "$WORK/latency-$r.txt"
done
for n in $BLOCKED; do
    blocked_names "$n" > "$WORK/blocked-$n.names"
    # Queries for 100,000 of them, spread over the whole set.
    awk -v n="$n" 'BEGIN { step = n / 100000; if (step < 1) step = 1 } NR % int(step) == 0 { print $0 " A" }' "$WORK/blocked-$n.names" | head -n 100000 > "$WORK/blocked-$n.queries"
done

# --- upstream ------------------------------------------------------------------------------------
upstream_config > "$OUT/upstream.conf"
"${ON1[@]}" "$UNBOUND" -d -c "$OUT/upstream.conf" > "$OUT/upstream.log" 2>&1 &
UP_PID=$!
PIDS+=("$UP_PID")
wait_answer "$UP_PORT" 20 || { echo "the upstream unbound did not answer:" >&2; cat "$OUT/upstream.log" >&2; exit 1; }
say "## upstream alone (unbound on core 1, port $UP_PORT), load $(cut -d' ' -f1-3 /proc/loadavg)"
perf_runs upstream cached "$UP_PORT" "$WORK/cached.txt"
latency_runs upstream cached "$UP_PORT" "$WORK/cached.txt"

# --- forwarders ----------------------------------------------------------------------------------
for fwd in dnsmasq unbound edge; do
    if [[ " $FORWARDERS " != *" $fwd "* ]]; then
        not_run "$fwd" "not asked for (--forwarders)"
        continue
    fi
    if [[ $fwd == edge ]] && ! edge_binary; then
        continue
    fi
    measure_forwarder "$fwd"
done

table | tee "$OUT/table.md"
