#!/usr/bin/env bash
# End-to-end replay throughput of edge-service against tcpdump and tshark, on one core.
#
#   tools/perf/replay-throughput.sh
#
# 1. Publishes edge-service (Release, ReadyToRun) and builds edgectl (Release).
# 2. Concatenates the corpus pcaps (../shared/corpora/pcaps beside the repository, or
#    $EDGE_CORPORA/pcaps) with `edgectl synth --repeat ... --copies N` into one capture of at least
#    $TARGET packets (N is computed from the corpus frame count).
# 3. Pinned to CPU $CPU with taskset, times wall clock of
#      edge-service replay BIG --no-progress --no-detect   (decode only, event log off; best of $RUNS)
#      edge-service replay BIG --no-progress --intel C     (all detectors, corpus intel; best of $RUNS)
#      tcpdump -r BIG -w /dev/null                     (best of $RUNS)
#      tshark -r BIG -T fields -e frame.number         (one run: it is slow)
#    Wall time includes process start-up (.NET host start for edge-service); edge-service also
#    prints its own packet-loop rate and managed bytes allocated per packet, shown below the table.
# 4. Prints a markdown table with packets/s and the ratios edge/tcpdump and edge/tshark, then the
#    ratio the detection budget is set against: replay throughput with all detectors over decode
#    only, from edge-service's own packet-loop time (best of $RUNS each; no process start-up, no
#    intel loading) and from wall time.
#
# Environment: WORK (scratch folder, default a new /tmp/edge-perf.XXXXXX), KEEP=1 keeps it,
# TARGET (default 1000000 packets), RUNS (default 3), CPU (default 1), EDGE_CORPORA,
# SKIP_BUILD=1 (use the binaries already built).
# Needs: dotnet, taskset, tcpdump, tshark. No network traffic.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
CORPORA=${EDGE_CORPORA:-$ROOT/../shared/corpora}
TARGET=${TARGET:-1000000}
RUNS=${RUNS:-3}
CPU=${CPU:-1}
KEEP=${KEEP:-0}
WORK=${WORK:-$(mktemp -d /tmp/edge-perf.XXXXXX)}
# The shipped form: published ReadyToRun (start-up precompiled; Edge.Watch is left to the JIT,
# see Edge.Service.csproj). SKIP_BUILD=1 uses the plain Release build instead.
EDGE=$WORK/edge-service/edge-service
EDGECTL=$ROOT/tools/Edge.Cli/bin/Release/net10.0/edgectl

cleanup() {
    if [[ $KEEP == 1 ]]; then
        echo "kept $WORK" >&2
    else
        rm -rf -- "$WORK"
    fi
}
trap cleanup EXIT
mkdir -p "$WORK"

for tool in dotnet taskset tcpdump tshark; do
    command -v "$tool" >/dev/null || { echo "missing: $tool" >&2; exit 1; }
done
shopt -s nullglob
inputs=("$CORPORA"/pcaps/*.pcap)
shopt -u nullglob
(( ${#inputs[@]} > 0 )) || { echo "no pcaps in $CORPORA/pcaps (set EDGE_CORPORA)" >&2; exit 1; }

if [[ ${SKIP_BUILD:-0} != 1 ]]; then
    echo "## building (Release)" >&2
    dotnet publish -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true \
        "$ROOT/edge-service/Edge.Service/Edge.Service.csproj" -o "$WORK/edge-service" -v q -nologo >&2
    dotnet build -c Release "$ROOT/tools/Edge.Cli/Edge.Cli.csproj" -v q -nologo >&2
else
    EDGE=$ROOT/edge-service/Edge.Service/bin/Release/net10.0/edge-service
fi

per_copy=0
for f in "${inputs[@]}"; do
    n=$(tcpdump -r "$f" 2>/dev/null | wc -l)
    per_copy=$((per_copy + n))
done
copies=$(( (TARGET + per_copy - 1) / per_copy ))
packets=$((per_copy * copies))
BIG=$WORK/big.pcap
echo "## writing $BIG: ${#inputs[@]} corpus files, $per_copy frames x $copies copies = $packets packets" >&2
"$EDGECTL" synth --repeat "${inputs[@]}" --copies "$copies" --out "$BIG" >&2
cat "$BIG" >/dev/null # page cache warm for every tool alike

# Wall seconds of one pinned run; the command's stdout goes to $2.
wall() {
    local out=$1; shift
    local start end
    start=$(date +%s%N)
    taskset -c "$CPU" "$@" >"$out" 2>>"$WORK/stderr.log"
    end=$(date +%s%N)
    awk -v ns=$((end - start)) 'BEGIN { printf "%.3f", ns / 1e9 }'
}

# Best wall seconds of $RUNS runs; each run's packet-loop seconds (edge-service's "time" line)
# are appended to $out.loop.
best_of() {
    local out=$1; shift
    local best="" t loop
    : >"$out.loop"
    for ((i = 1; i <= RUNS; i++)); do
        t=$(wall "$out" "$@")
        loop=$(awk '/^time/ { print $2 }' "$out" 2>/dev/null || true)
        [[ -n $loop ]] && echo "$loop" >>"$out.loop"
        echo "  run $i: $t s${loop:+ (packet loop $loop s)}" >&2
        if [[ -z $best ]] || awk -v a="$t" -v b="$best" 'BEGIN { exit !(a < b) }'; then best=$t; fi
    done
    echo "$best"
}

echo "## edge-service replay, decode only (best of $RUNS, cpu $CPU)" >&2
edge_s=$(best_of "$WORK/edge.out" "$EDGE" replay "$BIG" --no-progress --no-detect)
edge_packets=$(awk '/^packets/ { gsub(",", "", $2); print $2 }' "$WORK/edge.out")
if [[ $edge_packets != "$packets" ]]; then
    echo "edge-service counted $edge_packets packets, expected $packets" >&2
    exit 1
fi
echo "## edge-service replay, all detectors with the corpus intel (best of $RUNS, cpu $CPU)" >&2
detect_s=$(best_of "$WORK/detect.out" "$EDGE" replay "$BIG" --no-progress --intel "$CORPORA/intel")
echo "## tcpdump (best of $RUNS, cpu $CPU)" >&2
tcpdump_s=$(best_of /dev/null tcpdump -r "$BIG" -w /dev/null)
echo "## tshark (1 run, cpu $CPU)" >&2
tshark_s=$(wall /dev/null tshark -r "$BIG" -T fields -e frame.number)
echo "  run 1: $tshark_s s" >&2

rate() { awk -v p="$packets" -v s="$1" 'BEGIN { printf "%.0f", p / s }'; }
least() { sort -g "$1" | head -n 1; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b / a }'; }

echo
echo "| tool | packets | seconds (wall) | packets/s | edge/tcpdump | edge/tshark |"
echo "|---|---:|---:|---:|---:|---:|"
echo "| edge-service replay (decode only) | $packets | $edge_s | $(rate "$edge_s") | $(ratio "$edge_s" "$tcpdump_s")x | $(ratio "$edge_s" "$tshark_s")x |"
echo "| edge-service replay (all detectors) | $packets | $detect_s | $(rate "$detect_s") | $(ratio "$detect_s" "$tcpdump_s")x | $(ratio "$detect_s" "$tshark_s")x |"
echo "| tcpdump -r -w /dev/null | $packets | $tcpdump_s | $(rate "$tcpdump_s") | | |"
echo "| tshark -T fields -e frame.number | $packets | $tshark_s | $(rate "$tshark_s") | | |"
edge_loop=$(least "$WORK/edge.out.loop")
detect_loop=$(least "$WORK/detect.out.loop")
echo
echo "Detection budget (all detectors / decode only, throughput; the target is >= 0.80x):"
echo
echo "| measure | decode only | all detectors | ratio |"
echo "|---|---:|---:|---:|"
echo "| packet loop, best of $RUNS (packets/s) | $(rate "$edge_loop") | $(rate "$detect_loop") | $(ratio "$detect_loop" "$edge_loop")x |"
echo "| wall clock, best of $RUNS (packets/s) | $(rate "$edge_s") | $(rate "$detect_s") | $(ratio "$detect_s" "$edge_s")x |"
echo
echo "edge-service's own figures (last run, packet loop only):"
grep -E '^(time|allocated|flows|decode errors)' "$WORK/edge.out" | sed 's/^/    /'
echo "with all detectors (last run):"
grep -E '^(time|allocated|alerts)' "$WORK/detect.out" | sed 's/^/    /'
