#!/usr/bin/env bash
# The firmware issue's figures, measured with the real tools: bundle size, flash time over a PTY
# pair (unthrottled and at 115200 baud), binary sizes, start-up time and idle memory (x64 NativeAOT
# native, arm64 NativeAOT under qemu-user), and the event logs of both builds compared.
#
# Usage: tools/perf/firmware-figures.sh [--baud-sample-mib N] [--full-baud] [--runs N] [--idle S]
#                                       [--flash-runs N] [--skip-flash] [--skip-startup]
#   --baud-sample-mib N  flash an N MiB bundle at 115200 baud (default 1) and extrapolate the full
#                        bundle's time from it (printed as "extrapolated"); 0 skips it
#   --full-baud          also flash the full bundle at 115200 baud (about 30 minutes)
#   --runs N             starts measured per binary (default 5, after one unreported warm-up start)
#   --idle S             idle seconds before memory is sampled (default 30)
#   --flash-runs N       unthrottled flashes of the full bundle (default 3)
# Environment: WORK (scratch folder, default a new /tmp/edge-fw-figures.XXXXXX; KEEP=1 keeps it),
#   REBUILD=1 (publish and build again even if the outputs exist).
#
# 1. Publishes edge-service for linux-arm64 (tools/build/publish-arm64.sh → artifacts/publish-arm64)
#    and for linux-x64 (NativeAOT → artifacts/publish-x64), and builds edgectl (Release), each
#    unless already there.
# 2. Payload folder = the arm64 publish without symbols (edge-service, libe_sqlite3.so,
#    libSystem.IO.Ports.Native.so, appsettings.json, Samples/ with the intel snapshot Samples/intel)
#    plus deploy/systemd's units under systemd/; `edgectl keys create`, `edgectl bundle create
#    --version 2.0.0 --board raspberry-pi-4`.
# 3. Flash: `edge-service firmware agent --port SENSOR --root ROOT --config CFG` (the x64 NativeAOT
#    binary, a fresh empty slot root and state folder each time, CFG trusting the key, board
#    raspberry-pi-4) and `edgectl flash --port LAPTOP BUNDLE --json`, timed from edgectl's exec to
#    its exit (so: edgectl start-up, transfer, the sensor's verification and install, the result).
#    Unthrottled: `socat pty,raw,echo=0 pty,raw,echo=0`. 115200 baud: tools/perf/firmware_figures.py
#    relay, a PTY pair throttled to 11,520 B/s each way. Each install is checked: current/edge-service
#    equals the payload's.
# 4. Start-up and idle memory: `edge-service run --pace Fast --state DIR` on the bundled capture
#    (read through in under a second, then nothing to do), embedded MQTT broker, simulated GPIO,
#    status page on a free loopback port; `firmware_figures.py start` times READY=1 and /healthz.
#    arm64 runs as `qemu-aarch64-static -cpu cortex-a72 -L / edge-service …`; its memory is the
#    emulator process's (guest memory touched plus qemu's own: its heap, which grows with the
#    guest's address-space reservations, and its translated code), and separately the mappings in
#    the guest's range (below 2^44 with qemu 7.2, which gives the guest no base offset).
# 5. Event logs: `replay Samples/lan-sample.pcap --events` with both binaries, compared byte for byte.
# Needs: dotnet (.NET 10 SDK), the arm64 cross toolchain (tools/dev/deps.sh), socat, python3,
#   qemu-aarch64-static with Debian's arm64 libraries, timeout. Traffic: PTYs and loopback only.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
HELPER=$ROOT/tools/perf/firmware_figures.py
BAUD_SAMPLE_MIB=1
FULL_BAUD=0
RUNS=5
IDLE=30
FLASH_RUNS=3
SKIP_FLASH=0
SKIP_STARTUP=0
while [[ $# -gt 0 ]]; do
    case $1 in
        --baud-sample-mib) BAUD_SAMPLE_MIB=$2; shift 2 ;;
        --full-baud) FULL_BAUD=1; shift ;;
        --runs) RUNS=$2; shift 2 ;;
        --idle) IDLE=$2; shift 2 ;;
        --flash-runs) FLASH_RUNS=$2; shift 2 ;;
        --skip-flash) SKIP_FLASH=1; shift ;;
        --skip-startup) SKIP_STARTUP=1; shift ;;
        -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
        *) echo "unknown argument: $1 (see --help)" >&2; exit 2 ;;
    esac
done

for tool in dotnet socat python3 qemu-aarch64-static timeout; do
    command -v "$tool" >/dev/null || { echo "missing: $tool (tools/dev/deps.sh)" >&2; exit 3; }
done

WORK=${WORK:-$(mktemp -d /tmp/edge-fw-figures.XXXXXX)}
mkdir -p "$WORK"
PIDS=()
cleanup() {
    local pid
    for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
    if [[ ${KEEP:-0} == 1 ]]; then echo "kept $WORK" >&2; else rm -rf -- "$WORK"; fi
}
trap cleanup EXIT

ARM=$ROOT/artifacts/publish-arm64
X64=$ROOT/artifacts/publish-x64
EDGECTL=$ROOT/tools/Edge.Cli/bin/Release/net10.0/edgectl
QEMU=(qemu-aarch64-static -cpu cortex-a72 -L /)

say() { echo "$*"; }
seconds_since() { awk -v a="$1" -v b="$(date +%s%N)" 'BEGIN { printf "%.2f", (b - a) / 1e9 }'; }

say "# firmware figures, $(date -u +%Y-%m-%dT%H:%M:%SZ)"
say "machine: $(nproc) cores, $(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo), $(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo); load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
say "commit: $(git -C "$ROOT" rev-parse --short HEAD)$(git -C "$ROOT" diff --quiet HEAD -- edge-service firmware tools/Edge.Cli || echo ' (with uncommitted changes)')"
say "qemu: $(qemu-aarch64-static --version | head -n 1)"

# --- 1. builds -----------------------------------------------------------------------------------
if [[ ${REBUILD:-0} == 1 || ! -x $ARM/edge-service ]]; then
    say "## publishing linux-arm64 (tools/build/publish-arm64.sh)"
    timeout 1800 bash "$ROOT/tools/build/publish-arm64.sh" "$ARM" -v q -nologo | tail -n 1
else
    say "## linux-arm64 already published: $ARM/edge-service ($(date -u -r "$ARM/edge-service" +%Y-%m-%dT%H:%M:%SZ))"
fi
if [[ ${REBUILD:-0} == 1 || ! -x $X64/edge-service ]]; then
    say "## publishing linux-x64 NativeAOT"
    start=$(date +%s%N)
    timeout 1800 dotnet publish "$ROOT/edge-service/Edge.Service" -c Release -r linux-x64 -p:PublishAot=true -o "$X64" -v q -nologo >/dev/null
    say "published $X64/edge-service in $(seconds_since "$start") s"
else
    say "## linux-x64 already published: $X64/edge-service ($(date -u -r "$X64/edge-service" +%Y-%m-%dT%H:%M:%SZ))"
fi
if [[ ${REBUILD:-0} == 1 || ! -x $EDGECTL ]]; then
    say "## building edgectl (Release)"
    timeout 900 dotnet build -c Release "$ROOT/tools/Edge.Cli/Edge.Cli.csproj" -v q -nologo >/dev/null
fi
machine=$(od -An -tu2 -j18 -N2 "$ARM/edge-service" | tr -d ' ')
[[ $machine == 183 ]] || { echo "$ARM/edge-service is not AArch64 (e_machine $machine)" >&2; exit 1; }

ARM_BYTES=$(stat -c %s "$ARM/edge-service")
X64_BYTES=$(stat -c %s "$X64/edge-service")
say "arm64_binary_bytes=$ARM_BYTES"
say "x64_binary_bytes=$X64_BYTES"

# --- 2. payload, key, bundle ---------------------------------------------------------------------
PAYLOAD=$WORK/payload
mkdir -p "$PAYLOAD/systemd"
for file in edge-service libe_sqlite3.so libSystem.IO.Ports.Native.so appsettings.json; do
    cp -p "$ARM/$file" "$PAYLOAD/"
done
cp -rp "$ARM/Samples" "$PAYLOAD/"
cp -p "$ROOT"/deploy/systemd/*.service "$ROOT"/deploy/systemd/*.path "$ROOT"/deploy/systemd/*.rules "$PAYLOAD/systemd/"
say "## payload ($(find "$PAYLOAD" -type f | wc -l) files, $(du -sb "$PAYLOAD" | cut -f1) bytes)"
(cd "$PAYLOAD" && find . -type f -printf '  %P %s\n' | sort)

timeout 60 "$EDGECTL" keys create --out "$WORK/keys" --id tech-1 >/dev/null
BUNDLE=$WORK/edge-2.0.0.bundle
start=$(date +%s%N)
timeout 300 "$EDGECTL" bundle create --from "$PAYLOAD" --version 2.0.0 --board raspberry-pi-4 \
    --key "$WORK/keys/tech-1.key" --key-id tech-1 --out "$BUNDLE"
say "bundle create took $(seconds_since "$start") s"
BUNDLE_BYTES=$(stat -c %s "$BUNDLE")
say "bundle_bytes=$BUNDLE_BYTES"

# The 115200 sample: the same kind of bundle, its binary cut to make it about N MiB.
if [[ $BAUD_SAMPLE_MIB != 0 ]]; then
    SAMPLE_PAYLOAD=$WORK/sample-payload
    mkdir -p "$SAMPLE_PAYLOAD"
    cp -p "$PAYLOAD/appsettings.json" "$SAMPLE_PAYLOAD/"
    head -c $((BAUD_SAMPLE_MIB * 1048576 - $(stat -c %s "$PAYLOAD/appsettings.json") - 2048)) "$PAYLOAD/edge-service" >"$SAMPLE_PAYLOAD/edge-service"
    chmod 755 "$SAMPLE_PAYLOAD/edge-service"
    SAMPLE=$WORK/edge-2.0.0-sample.bundle
    timeout 120 "$EDGECTL" bundle create --from "$SAMPLE_PAYLOAD" --version 2.0.0 --board raspberry-pi-4 \
        --key "$WORK/keys/tech-1.key" --key-id tech-1 --out "$SAMPLE" >/dev/null
    SAMPLE_BYTES=$(stat -c %s "$SAMPLE")
    say "sample_bundle_bytes=$SAMPLE_BYTES (the payload's binary cut to its first $(stat -c %s "$SAMPLE_PAYLOAD/edge-service") bytes)"
fi

# --- 3. flashing ---------------------------------------------------------------------------------
python3 - "$WORK/keys/tech-1.pub" "$WORK/agent.json" <<'EOF'
import json, sys
key = open(sys.argv[1]).read()
json.dump({"Edge": {"Sensor": {"Board": "raspberry-pi-4"}, "Firmware": {"TrustedKeys": {"tech-1": key}}}}, open(sys.argv[2], "w"))
EOF

wait_for() { # FILE-or-pattern check, seconds
    local deadline=$(( $(date +%s) + $2 ))
    until eval "$1"; do
        (( $(date +%s) < deadline )) || return 1
        sleep 0.05
    done
}

# flash LABEL BUNDLE PAYLOAD_DIR BYTES_PER_SECOND(0 = plain socat) TIMEOUT_S: prints one result line.
flash() {
    local label=$1 bundle=$2 payload=$3 rate=$4 limit=$5
    local dir=$WORK/flash-$label
    rm -rf "$dir"; mkdir -p "$dir"
    local laptop=$dir/ttyACM0 sensor=$dir/ttyGS0 cable agent start end
    if [[ $rate == 0 ]]; then
        timeout $((limit + 60)) socat pty,raw,echo=0,link="$laptop" pty,raw,echo=0,link="$sensor" 2>"$dir/cable.log" &
    else
        timeout $((limit + 60)) python3 "$HELPER" relay "$laptop" "$sensor" --bytes-per-second "$rate" >"$dir/cable.log" 2>&1 &
    fi
    cable=$!; PIDS+=("$cable")
    wait_for "[[ -e $laptop && -e $sensor ]]" 10 || { echo "no PTY pair for $label" >&2; cat "$dir/cable.log" >&2; return 1; }
    Edge__Sensor__StateDirectory=$dir/state timeout $((limit + 30)) "$X64/edge-service" firmware agent \
        --port "$sensor" --root "$dir/opt-edge" --config "$WORK/agent.json" >"$dir/agent.log" 2>&1 &
    agent=$!; PIDS+=("$agent")
    wait_for "grep -q 'flash agent on' $dir/agent.log" 20 || { echo "the agent did not start for $label" >&2; cat "$dir/agent.log" >&2; return 1; }
    start=$(date +%s%N)
    local code=0
    timeout "$limit" "$EDGECTL" flash --port "$laptop" "$bundle" --json >"$dir/flash.json" 2>"$dir/flash.err" || code=$?
    end=$(date +%s%N)
    kill "$agent" "$cable" 2>/dev/null || true
    wait "$agent" "$cable" 2>/dev/null || true
    local result
    result=$(tail -n 1 "$dir/flash.json")
    if [[ $code != 0 ]] || ! cmp -s "$dir/opt-edge/current/edge-service" "$payload/edge-service"; then
        echo "flash $label failed (exit $code): $result" >&2
        cat "$dir/flash.err" "$dir/agent.log" >&2
        return 1
    fi
    local bytes wall
    bytes=$(stat -c %s "$bundle")
    wall=$(awk -v ns=$((end - start)) 'BEGIN { printf "%.2f", ns / 1e9 }')
    say "flash.$label bytes=$bytes wall_s=$wall edgectl_seconds=$(sed -n 's/.*"seconds":\([0-9.]*\).*/\1/p' <<<"$result") bytes_per_s=$(awk -v b="$bytes" -v s="$wall" 'BEGIN { printf "%.0f", b / s }') resent=$(sed -n 's/.*"bytes_resent":\([0-9]*\).*/\1/p' <<<"$result") installed=$(sed -n 's/.*"installed":\([a-z]*\).*/\1/p' <<<"$result")"
    say "  agent: $(grep -v '^flash agent on' "$dir/agent.log" | tr '\n' ' ')"
    [[ $label == *115200* ]] && say "  relay: $(tail -n 1 "$dir/cable.log")"
    rm -rf "$dir"
}

if [[ $SKIP_FLASH == 0 ]]; then
    say "## flashing (x64 NativeAOT agent, edgectl $(timeout 30 "$EDGECTL" --version 2>/dev/null | head -n 1))"
    if [[ $FULL_BAUD == 1 ]]; then
        # Almost no CPU: it runs beside the rest, in its own folder, and is collected at the end.
        say "## full bundle at 115200 baud started in the background"
        flash full-115200 "$BUNDLE" "$PAYLOAD" 11520 $((BUNDLE_BYTES / 11520 * 2 + 300)) >"$WORK/full-115200.out" 2>&1 &
        FULL_PID=$!
    fi
    for ((i = 1; i <= FLASH_RUNS; i++)); do
        flash "unthrottled-$i" "$BUNDLE" "$PAYLOAD" 0 600
    done
    if [[ $BAUD_SAMPLE_MIB != 0 ]]; then
        flash "sample-115200" "$SAMPLE" "$SAMPLE_PAYLOAD" 11520 $((SAMPLE_BYTES / 11520 * 2 + 120)) | tee "$WORK/sample.out"
        sample_wall=$(sed -n 's/^flash.sample-115200 .*wall_s=\([0-9.]*\).*/\1/p' "$WORK/sample.out")
        say "flash.full-115200-extrapolated bytes=$BUNDLE_BYTES wall_s=$(awk -v t="$sample_wall" -v s="$SAMPLE_BYTES" -v b="$BUNDLE_BYTES" 'BEGIN { printf "%.0f", t * b / s }') (EXTRAPOLATED: the ${SAMPLE_BYTES}-byte sample's time x $BUNDLE_BYTES / $SAMPLE_BYTES)"
    fi
fi

# --- 4. start-up and idle memory -----------------------------------------------------------------
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
startup() { # LABEL PORT STATE GUEST_BELOW COMMAND...
    local label=$1 port=$2 state=$3 guest=$4; shift 4
    Edge__Hardware__Gpio=Simulated Edge__Hardware__TerminalLeds=Off Edge__StatusPage__Port=$port \
        timeout $(( (RUNS + 2) * 300 )) python3 "$HELPER" start --label "$label" --port "$port" --runs "$RUNS" \
        --idle "$IDLE" --guest-below "$guest" --warmup --log "$WORK/$label.log" -- "$@" run --pace Fast --state "$state"
}
if [[ $SKIP_STARTUP == 0 ]]; then
    say "## start-up (exec to READY=1 / to /healthz 200) and idle memory after ${IDLE} s, $RUNS starts each after one warm-up"
    port=$(free_port)
    startup x64 "$port" "$WORK/state-x64" 0 "$X64/edge-service"
    port=$(free_port)
    startup arm64-qemu "$port" "$WORK/state-arm64" 0x100000000000 "${QEMU[@]}" "$ARM/edge-service"
fi

# --- 5. event logs -------------------------------------------------------------------------------
say "## event logs of the bundled capture"
start=$(date +%s%N)
timeout 120 "$X64/edge-service" replay "$X64/Samples/lan-sample.pcap" --events "$WORK/x64.ndjson" --no-progress >"$WORK/replay-x64.out"
say "replay x64 native: $(seconds_since "$start") s"
start=$(date +%s%N)
timeout 300 "${QEMU[@]}" "$ARM/edge-service" replay "$ARM/Samples/lan-sample.pcap" --events "$WORK/arm64.ndjson" --no-progress >"$WORK/replay-arm64.out"
say "replay arm64 under qemu: $(seconds_since "$start") s"
if cmp -s "$WORK/x64.ndjson" "$WORK/arm64.ndjson"; then
    say "events.identical=yes lines=$(wc -l <"$WORK/x64.ndjson") bytes=$(stat -c %s "$WORK/x64.ndjson") sha256=$(sha256sum "$WORK/x64.ndjson" | cut -c1-16)… alert_events=$(grep -c '"type":"alert"' "$WORK/x64.ndjson" || true)"
else
    say "events.identical=NO (x64 $(stat -c %s "$WORK/x64.ndjson") bytes, arm64 $(stat -c %s "$WORK/arm64.ndjson") bytes)"
    diff <(head -c 100000 "$WORK/x64.ndjson") <(head -c 100000 "$WORK/arm64.ndjson") | head -n 6
fi

if [[ -n ${FULL_PID:-} ]]; then
    say "## waiting for the full bundle at 115200 baud"
    wait "$FULL_PID" || true
    cat "$WORK/full-115200.out"
fi
say "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
