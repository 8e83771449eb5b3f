#!/usr/bin/env bash
# Idle CPU and memory of `edge-service run` capturing live on a quiet interface.
#
#   sudo tools/perf/idle-run.sh [SECONDS]
#
# 1. Publishes edge-service (Release; NATIVE=1 for the NativeAOT binary).
# 2. Makes a network namespace with a veth pair (10.214.0.1 <-> 10.214.0.2, both ends inside
#    namespaces this script creates and deletes) and starts `edge-service run --interface` on one
#    end, with simulated GPIO, the embedded broker and the status page on the namespace's loopback.
# 3. After a 10 s warm-up, samples the process for SECONDS (default 60): CPU time from
#    /proc/PID/stat (utime+stime), and VmRSS, RssAnon and Pss from /proc/PID/status and smaps_rollup.
#    TRAFFIC=N sends N small UDP datagrams per second from the other namespace meanwhile (default 0).
# Needs: root, iproute2, dotnet (and clang/lld for NATIVE=1).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
SECONDS_TO_SAMPLE=${1:-60}
TRAFFIC=${TRAFFIC:-0}
WORK=$(mktemp -d /tmp/edge-idle.XXXXXX)
NS_SENSOR=edge-idle-s$$
NS_CLIENT=edge-idle-c$$
cleanup() {
  [[ -n "${PID:-}" ]] && kill -TERM "$PID" 2>/dev/null && sleep 2
  ip netns del "$NS_SENSOR" 2>/dev/null || true
  ip netns del "$NS_CLIENT" 2>/dev/null || true
  [[ -n "${SENDER:-}" ]] && kill "$SENDER" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

if [[ "${NATIVE:-0}" == 1 ]]; then
  dotnet publish -c Release -r linux-x64 -p:PublishAot=true "$ROOT/edge-service/Edge.Service" -o "$WORK/bin" >/dev/null
  RUN=("$WORK/bin/edge-service")
else
  dotnet publish -c Release "$ROOT/edge-service/Edge.Service" -o "$WORK/bin" >/dev/null
  RUN=(dotnet "$WORK/bin/edge-service.dll")
fi

ip netns add "$NS_SENSOR"
ip netns add "$NS_CLIENT"
ip link add idle-c netns "$NS_CLIENT" type veth peer name idle-s netns "$NS_SENSOR"
for pair in "$NS_CLIENT idle-c 10.214.0.1" "$NS_SENSOR idle-s 10.214.0.2"; do
  set -- $pair
  ip netns exec "$1" ip link set lo up
  ip netns exec "$1" ip addr add "$3/24" dev "$2"
  ip netns exec "$1" ip link set "$2" up
done

Edge__Sensor__StateDirectory="$WORK/state" Edge__Hardware__Gpio=Simulated Edge__Hardware__TerminalLeds=Off \
  ip netns exec "$NS_SENSOR" "${RUN[@]}" run --interface idle-s >"$WORK/service.log" 2>&1 &
PID=$!
sleep 10
if [[ "$TRAFFIC" -gt 0 ]]; then
  ip netns exec "$NS_CLIENT" bash -c "while true; do for i in \$(seq $TRAFFIC); do echo x > /dev/udp/10.214.0.2/9; done; sleep 1; done" &
  SENDER=$!
fi

ticks=$(getconf CLK_TCK)
cpu() { awk '{print $14 + $15}' "/proc/$PID/stat"; }
start_cpu=$(cpu); start=$(date +%s.%N)
sleep "$SECONDS_TO_SAMPLE"
end_cpu=$(cpu); end=$(date +%s.%N)
rss=$(awk '/VmRSS/ {print $2}' "/proc/$PID/status")
anon=$(awk '/RssAnon/ {print $2}' "/proc/$PID/status")
pss=$(awk '/^Pss:/ {print $2}' "/proc/$PID/smaps_rollup")
threads=$(awk '/Threads/ {print $2}' "/proc/$PID/status")
awk -v c0="$start_cpu" -v c1="$end_cpu" -v t0="$start" -v t1="$end" -v hz="$ticks" -v rss="$rss" -v anon="$anon" -v pss="$pss" -v th="$threads" -v mode="${NATIVE:-0}" -v traffic="$TRAFFIC" 'BEGIN {
  printf "| binary | traffic | CPU (one core = 100%%) | VmRSS | RssAnon | Pss | threads |\n|---|---|---:|---:|---:|---:|---:|\n"
  printf "| %s | %s pkt/s | %.2f %% | %.1f MiB | %.1f MiB | %.1f MiB | %d |\n", (mode == 1 ? "NativeAOT" : "JIT (dotnet)"), traffic,
    100 * (c1 - c0) / hz / (t1 - t0), rss / 1024, anon / 1024, pss / 1024, th }'
grep -q "watching interface idle-s" "$WORK/service.log" || { echo "the service did not start:"; cat "$WORK/service.log"; exit 1; }
