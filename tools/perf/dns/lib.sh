# Functions of tools/perf/dns-figures.sh (sourced; uses its variables: OUT, WORK, RUNS, DURATION,
# LAT_QPS, LAT_SECONDS, UP_PORT, PORT, PIDS, UNBOUND, DNSMASQ, BLOCKED, FORWARDERS, ROOT).

declare -A RESULT=()   # [forwarder,case] → the cell's text
declare -A NOTE=()     # [forwarder] → why its column is "not run"
LOADS=()               # "what: load average" per measured group
FPID=""                # the forwarder under test

say() { echo "$*" >&2; }

# names PREFIX SEED COUNT: COUNT distinct "label.bench.test A" query lines (random hex + counter).
names() {
    awk -v p="$1" -v seed="$2" -v n="$3" 'BEGIN { srand(seed); for (i = 0; i < n; i++) printf "%s%x-%d.bench.test A\n", p, int(rand() * 4294967296), i }'
}

# blocked_names N: N distinct synthetic names spread over 997 parent labels under bench.test
# (not blocked, the upstream answers them: a block that fails shows as NOERROR in dnsperf's codes).
blocked_names() {
    awk -v n="$1" 'BEGIN { srand(7); for (i = 0; i < n; i++) printf "b%x%d.z%d.bench.test\n", int(rand() * 1048576), i, i % 997 }'
}

# unbound_server PORT: the server: lines every unbound here shares (foreground, one thread, no chroot or logs).
unbound_server() {
    cat <<CONF
server:
  interface: 127.0.0.1
  port: $1
  do-daemonize: no
  chroot: ""
  username: ""
  pidfile: ""
  use-syslog: no
  logfile: ""
  num-threads: 1
  do-ip6: no
  module-config: "iterator"
CONF
}

upstream_config() {
    unbound_server "$UP_PORT"
    cat <<CONF
  local-zone: "." refuse
  local-zone: "bench.test." redirect
  local-data: "bench.test. 300 IN A 192.0.2.1"
remote-control:
  control-enable: no
CONF
}

unbound_forwarder_config() { # PORT [blocked include file]
    unbound_server "$1"
    cat <<CONF
  do-not-query-localhost: no
  local-zone: "test." nodefault
CONF
    [[ -n ${2:-} ]] && echo "  include: \"$2\""
    cat <<CONF
forward-zone:
  name: "."
  forward-addr: 127.0.0.1@$UP_PORT
remote-control:
  control-enable: no
CONF
}

# wait_answer PORT SECONDS [PID]: until ready.bench.test A gets NOERROR; 1 when the time is up or PID died.
wait_answer() {
    local port=$1 limit=$2 pid=${3:-} start=$SECONDS
    while (( SECONDS - start < limit )); do
        if [[ -n $pid ]] && ! kill -0 "$pid" 2>/dev/null; then return 1; fi
        if dig +tries=1 +time=1 -p "$port" @127.0.0.1 ready.bench.test A 2>/dev/null | grep -q 'status: NOERROR'; then return 0; fi
        sleep 0.2
    done
    return 1
}

record() { printf '%s\t%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$4" "$(cut -d' ' -f1 /proc/loadavg)" >> "$OUT/runs.tsv"; }

# Prefixes that pin a program to core 0 or 1 at NICE (default -10), so other work on a shared
# machine gets less of that core than the measured programs do. Arrays, not functions: a function
# run with & is a subshell, and $! would be the subshell's id instead of the program's (taskset and
# nice exec the program, so with these $! is the program itself).
ON0=(taskset -c 0 nice -n "${NICE:--10}")
ON1=(taskset -c 1 nice -n "${NICE:--10}")

# median VALUES…: the middle value (the lower middle for an even count).
median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

thousands() { awk -v n="$1" 'BEGIN { n = sprintf("%.0f", n); s = ""; while (length(n) > 3) { s = "," substr(n, length(n) - 2) s; n = substr(n, 1, length(n) - 3) } print n s }'; }

# perf_runs FWD CASE PORT FILE: RUNS throughput runs of DURATION s; FILE may contain {r} (the run).
perf_runs() {
    local fwd=$1 case=$2 port=$3 file=$4 r qps values=() codes
    for r in $(seq 1 "$RUNS"); do
        [[ -n ${BEFORE_RUN:-} ]] && $BEFORE_RUN
        local raw="$OUT/raw/$fwd-$case-$r.txt"
        mkdir -p "$OUT/raw"
        "${ON1[@]}" dnsperf -s 127.0.0.1 -p "$port" -d "${file//\{r\}/$r}" -c 8 -q 200 -T 1 -t 2 -l "$DURATION" > "$raw" 2>&1 || true
        qps=$(awk '/Queries per second/ { print $4 }' "$raw")
        qps=${qps:-0}
        values+=("$qps")
        record "$fwd" "$case" "$r" "$qps"
    done
    codes=$(awk -F': *' '/Response codes/ { print $2 }' "$OUT/raw/$fwd-$case-1.txt")
    local med lo hi
    med=$(median "${values[@]}")
    lo=$(printf '%s\n' "${values[@]}" | sort -g | head -n 1)
    hi=$(printf '%s\n' "${values[@]}" | sort -g | tail -n 1)
    RESULT[$fwd,$case]="$(thousands "$med")"
    (( RUNS > 1 )) && RESULT[$fwd,$case]+=" ($(thousands "$lo")–$(thousands "$hi"))"
    say "$fwd $case: $(printf '%s ' "${values[@]}")q/s → median $med; codes of run 1: $codes"
    RESULT[$fwd,$case-codes]=$codes
}

# latency_runs FWD CASE PORT FILE: RUNS runs at LAT_QPS for LAT_SECONDS with per-query latencies.
latency_runs() {
    local fwd=$1 case=$2 port=$3 file=$4 r p50s=() p99s=()
    for r in $(seq 1 "$RUNS"); do
        [[ -n ${BEFORE_RUN:-} ]] && $BEFORE_RUN
        local raw="$OUT/raw/$fwd-latency-$case-$r.txt" p
        mkdir -p "$OUT/raw"
        "${ON1[@]}" dnsperf -s 127.0.0.1 -p "$port" -d "${file//\{r\}/$r}" -c 8 -q 200 -T 1 -t 2 -l "$LAT_SECONDS" -Q "$LAT_QPS" -v > "$raw" 2>&1 || true
        p=$(awk '/^> / { print $NF * 1000 }' "$raw" | sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) { print "0 0 0"; exit } i50 = int(NR * 0.50 + 0.999999); i99 = int(NR * 0.99 + 0.999999); printf "%.3f %.3f %d\n", v[i50], v[i99], NR }')
        read -r p50 p99 count <<< "$p"
        p50s+=("$p50")
        p99s+=("$p99")
        record "$fwd" "latency-$case-p50-ms" "$r" "$p50"
        record "$fwd" "latency-$case-p99-ms" "$r" "$p99"
        # The per-query lines are big; the percentiles are in runs.tsv and the summary stays.
        grep -v '^> ' "$raw" > "$raw.tmp" && mv "$raw.tmp" "$raw"
        echo "latencies: $count; p50 $p50 ms; p99 $p99 ms" >> "$raw"
    done
    RESULT[$fwd,lat-$case-p50]=$(median "${p50s[@]}")
    RESULT[$fwd,lat-$case-p99]=$(median "${p99s[@]}")
    say "$fwd latency $case at $LAT_QPS q/s: p50 ${p50s[*]} ms, p99 ${p99s[*]} ms"
}

# mem FWD LABEL: VmRSS / VmHWM of the forwarder in MiB.
mem() {
    local rss hwm
    if [[ ! -r /proc/$FPID/status ]]; then
        RESULT[$1,mem-$2]="died"
        say "$1 ($FPID) is gone at $2"
        return
    fi
    rss=$(awk '/^VmRSS/ { printf "%.1f", $2 / 1024 }' "/proc/$FPID/status")
    hwm=$(awk '/^VmHWM/ { printf "%.1f", $2 / 1024 }' "/proc/$FPID/status")
    RESULT[$1,mem-$2]="$rss / $hwm"
    record "$1" "mem-$2-rss-mib" 1 "$rss"
    record "$1" "mem-$2-hwm-mib" 1 "$hwm"
    say "$1 memory $2: VmRSS $rss MiB, VmHWM $hwm MiB"
}

not_run() { NOTE[$1]=$2; say "$1: not run: $2"; }

# edge_binary: EDGE_BIN as given, else artifacts/publish-x64/edge-service, published as NativeAOT
# linux-x64 when missing (or REBUILD=1).
edge_binary() {
    local given=${EDGE_BIN:-}
    EDGE_BIN=${EDGE_BIN:-$ROOT/artifacts/publish-x64/edge-service}
    if [[ -z $given && ( ${REBUILD:-0} == 1 || ! -x $EDGE_BIN ) ]]; then
        say "## publishing edge-service for linux-x64 (NativeAOT) to $(dirname "$EDGE_BIN")"
        if ! timeout 1800 dotnet publish "$ROOT/edge-service/Edge.Service" -c Release -r linux-x64 -p:PublishAot=true \
                -o "$(dirname "$EDGE_BIN")" -v q -nologo > "$OUT/edge-publish.log" 2>&1; then
            not_run edge "publish failed (see $OUT/edge-publish.log)"
            return 1
        fi
    fi
    [[ -x $EDGE_BIN ]] || { not_run edge "no binary at $EDGE_BIN"; return 1; }
}

blocked_file() { # FWD N → the forwarder's form of the N blocked names
    local fwd=$1 n=$2 file
    case $fwd in
        dnsmasq) file=$WORK/dnsmasq-blocked-$n.conf; [[ -e $file ]] || awk '{ print "address=/" $1 "/" }' "$WORK/blocked-$n.names" > "$file" ;;
        unbound) file=$WORK/unbound-blocked-$n.conf; [[ -e $file ]] || awk '{ print "local-zone: \"" $1 ".\" always_nxdomain" }' "$WORK/blocked-$n.names" > "$file" ;;
        edge) file=$WORK/intel-$n/malware.txt; [[ -e $file ]] || { mkdir -p "$WORK/intel-$n"; cp "$WORK/blocked-$n.names" "$file"; } ;;
    esac
    echo "$file"
}

# start_forwarder FWD MODE [N]: MODE plain, small-cache or blocked (N names); sets FPID and the
# seconds until it answered in RESULT[FWD,ready-MODE]. 1 when it did not answer.
start_forwarder() {
    local fwd=$1 mode=$2 n=${3:-} port=${PORT[$1]} log="$OUT/$1-$2${3:+-$3}.log" list="" start
    [[ $mode == blocked ]] && list=$(blocked_file "$fwd" "$n")
    start=$(date +%s%N)
    case $fwd in
        dnsmasq)
            "${ON0[@]}" "$DNSMASQ" --no-daemon --no-resolv --no-hosts --bind-interfaces --listen-address=127.0.0.1 \
                --port="$port" --server="127.0.0.1#$UP_PORT" --cache-size="$([[ $mode == uncached ]] && echo 1000000 || echo 10000)" --dns-forward-max=1000 \
                --pid-file= --user=root --group=root --conf-file="${list:-/dev/null}" > "$log" 2>&1 &
            ;;
        unbound)
            unbound_forwarder_config "$port" "$list" > "$OUT/unbound-$mode.conf"
            "${ON0[@]}" "$UNBOUND" -d -c "$OUT/unbound-$mode.conf" > "$log" 2>&1 &
            ;;
        edge)
            rm -rf "$WORK/edge-state"
            local env=(Edge__Dns__Enabled=true "Edge__Dns__Listen__0=127.0.0.1:$port" "Edge__Dns__Upstreams__0=127.0.0.1:$UP_PORT"
                Edge__Dns__BlockAnswer=NxDomain Edge__Capture__Enabled=false Edge__StatusPage__Enabled=false
                Edge__Hardware__Gpio=Simulated Edge__Hardware__TerminalLeds=Off "Edge__Sensor__StateDirectory=$WORK/edge-state")
            # The runtime settings the appliance's unit gives the service (the GC's gen0 budget).
            while IFS= read -r setting; do env+=("${setting#Environment=}"); done \
                < <(grep -E '^Environment=DOTNET_GC' "$ROOT/deploy/systemd/edge-service.service")
            [[ $mode == small-cache ]] && env+=(Edge__Dns__CacheMiB=1)
            [[ -n $list ]] && env+=("Edge__Intel__Lists__0=$list")
            printf '%s\n' "${env[@]}" > "$OUT/edge-$mode.env"
            "${ON0[@]}" env "${env[@]}" "$EDGE_BIN" run > "$log" 2>&1 &
            ;;
    esac
    FPID=$!
    PIDS+=("$FPID")
    # (wait_answer's probe, ready.bench.test, is one cached name more: negligible.)
    if ! wait_answer "$port" $([[ $mode == blocked ]] && echo 900 || echo 60) "$FPID"; then
        say "$fwd ($mode) did not answer; its log ($log):"
        tail -n 20 "$log" >&2
        kill "$FPID" 2>/dev/null || true
        return 1
    fi
    RESULT[$fwd,ready-$mode${n:+-$n}]=$(awk -v a="$start" -v b="$(date +%s%N)" 'BEGIN { printf "%.1f", (b - a) / 1e9 }')
}

stop_forwarder() {
    kill "$FPID" 2>/dev/null || true
    wait "$FPID" 2>/dev/null || true
    FPID=""
}

restart_uncached() {
    [[ -n $FPID ]] && stop_forwarder
    start_forwarder "$UNCACHED_FWD" uncached || say "$UNCACHED_FWD did not restart for an uncached run"
}

warm() { "${ON1[@]}" dnsperf -s 127.0.0.1 -p "$1" -d "$2" -c 8 -q 200 -T 1 -t 2 -n 1 > /dev/null 2>&1 || true; }

measure_forwarder() {
    local fwd=$1 port=${PORT[$1]} n
    LOADS+=("$fwd: $(cut -d' ' -f1-3 /proc/loadavg)")
    say "## $fwd (core 0, port $port), load $(cut -d' ' -f1-3 /proc/loadavg)"
    if ! start_forwarder "$fwd" plain; then
        not_run "$fwd" "did not answer within 60 s (log: $OUT/$fwd-plain.log)"
        return
    fi
    sleep 2
    mem "$fwd" idle
    warm "$port" "$WORK/cached.txt"
    perf_runs "$fwd" cached "$port" "$WORK/cached.txt"
    mem "$fwd" cached
    latency_runs "$fwd" cached "$port" "$WORK/cached.txt"
    stop_forwarder

    # Uncached: a fresh forwarder before each run, so no run finds another's names and dnsmasq's
    # cache (1,000,000 entries here) never evicts: eviction is the cache-full row's business.
    UNCACHED_FWD=$fwd
    BEFORE_RUN=restart_uncached
    perf_runs "$fwd" uncached "$port" "$WORK/uncached-{r}.txt"
    latency_runs "$fwd" uncached "$port" "$WORK/latency-{r}.txt"
    BEFORE_RUN=""
    stop_forwarder

    if start_forwarder "$fwd" small-cache; then
        warm "$port" "$WORK/full.txt"
        perf_runs "$fwd" full "$port" "$WORK/full.txt"
        mem "$fwd" full
        stop_forwarder
    fi

    for n in $BLOCKED; do
        say "$fwd: loading $n blocked names"
        if ! start_forwarder "$fwd" blocked "$n"; then
            RESULT[$fwd,blocked-$n]="did not start"
            continue
        fi
        sleep 2
        mem "$fwd" "blocked-$n"
        local probe
        probe=$(head -n 1 "$WORK/blocked-$n.names")
        dig +tries=1 +time=2 -p "$port" @127.0.0.1 "$probe" A | grep -q 'status: NXDOMAIN' || say "$fwd: $probe is NOT blocked"
        perf_runs "$fwd" "blocked-$n" "$port" "$WORK/blocked-$n.queries"
        if [[ $fwd == edge && $n == "${BLOCKED##* }" ]]; then reload_run "$port" "$n"; fi
        stop_forwarder
    done
}

# reload_run PORT N: Edge only; EDGE_RELOAD_CMD 5 s into a 20 s run at LAT_QPS.
reload_run() {
    local port=$1 n=$2 raw="$OUT/raw/edge-reload-$2.txt"
    if [[ -z ${EDGE_RELOAD_CMD:-} ]]; then
        RESULT[edge,reload]="not run (EDGE_RELOAD_CMD unset)"
        return
    fi
    mkdir -p "$OUT/raw"
    "${ON1[@]}" dnsperf -s 127.0.0.1 -p "$port" -d "$WORK/blocked-$n.queries" -c 8 -q 200 -T 1 -t 2 -l 20 -Q "$LAT_QPS" -S 1 > "$raw" 2>&1 &
    local perf=$!
    sleep 5
    local before=$(date +%s%N)
    EDGE_PID=$FPID EDGE_INTEL=$(blocked_file edge "$n") bash -c "$EDGE_RELOAD_CMD" >> "$OUT/edge-reload-cmd.log" 2>&1 || say "EDGE_RELOAD_CMD failed"
    say "reload command returned after $(awk -v a="$before" -v b="$(date +%s%N)" 'BEGIN { printf "%.2f", (b - a) / 1e9 }') s"
    wait "$perf" || true
    local per_second max_latency
    per_second=$(awk '/^[0-9.]+: [0-9.]+$/ { printf "%.0f ", $2 }' "$raw")
    max_latency=$(awk -F'max ' '/Average Latency/ { sub(/\)/, "", $2); printf "%.1f", $2 * 1000 }' "$raw")
    mem edge reload
    RESULT[edge,reload]="q/s per second: ${per_second% }; max latency $max_latency ms; VmHWM after ${RESULT[edge,mem-reload]#* / } MiB"
}

cell() { # FWD KEY → the result or "not run"
    if [[ -n ${NOTE[$1]:-} ]]; then echo "not run"; else echo "${RESULT[$1,$2]:-–}"; fi
}

latency_cell() { # FWD CASE → "p50 / p99 (+added p50 / +added p99)"
    local fwd=$1 case=$2
    [[ -n ${NOTE[$fwd]:-} ]] && { echo "not run"; return; }
    local p50=${RESULT[$fwd,lat-$case-p50]:-} p99=${RESULT[$fwd,lat-$case-p99]:-}
    [[ -z $p50 ]] && { echo "–"; return; }
    local u50=${RESULT[upstream,lat-cached-p50]} u99=${RESULT[upstream,lat-cached-p99]}
    awk -v a="$p50" -v b="$p99" -v c="$u50" -v d="$u99" 'BEGIN { printf "%.3f / %.3f (%+.3f / %+.3f)", a, b, a - c, b - d }'
}

table() {
    local f cols=(dnsmasq unbound edge) n
    echo
    echo "Median of $RUNS runs (range in brackets), $DURATION s each; $(nproc) cores: forwarder on core 0, dnsperf (-c 8 -q 200) and the upstream on core 1."
    echo
    echo "| | upstream alone | dnsmasq 2.90 | unbound 1.17 (forwarding) | Edge | goal |"
    echo "|---|---|---|---|---|---|"
    echo "| cached, q/s | $(cell upstream cached) | $(cell dnsmasq cached) | $(cell unbound cached) | $(cell edge cached) | ≥ 100,000 |"
    echo "| uncached, q/s | | $(cell dnsmasq uncached) | $(cell unbound uncached) | $(cell edge uncached) | ≥ 20,000 |"
    for n in $BLOCKED; do
        echo "| blocked, $(thousands "$n") names loaded, q/s | | $(cell dnsmasq "blocked-$n") | $(cell unbound "blocked-$n") | $(cell edge "blocked-$n") | ≥ 80,000 |"
    done
    echo "| cache full (100,000 names repeated), q/s | | $(cell dnsmasq full) | $(cell unbound full) | $(cell edge full) | no collapse |"
    echo "| latency at $(thousands "$LAT_QPS") q/s, cached: p50 / p99 ms (added over the upstream) | ${RESULT[upstream,lat-cached-p50]:-–} / ${RESULT[upstream,lat-cached-p99]:-–} | $(latency_cell dnsmasq cached) | $(latency_cell unbound cached) | $(latency_cell edge cached) | p50 +≤ 0.05, p99 +≤ 1 |"
    echo "| latency at $(thousands "$LAT_QPS") q/s, uncached: p50 / p99 ms (added over the upstream) | | $(latency_cell dnsmasq uncached) | $(latency_cell unbound uncached) | $(latency_cell edge uncached) | |"
    echo "| memory idle, VmRSS / VmHWM MiB | | $(cell dnsmasq mem-idle) | $(cell unbound mem-idle) | $(cell edge mem-idle) | ≤ 30 MB |"
    echo "| memory after the cached runs | | $(cell dnsmasq mem-cached) | $(cell unbound mem-cached) | $(cell edge mem-cached) | |"
    echo "| memory after the cache-full runs | | $(cell dnsmasq mem-full) | $(cell unbound mem-full) | $(cell edge mem-full) | |"
    for n in $BLOCKED; do
        echo "| memory with $(thousands "$n") blocked names | | $(cell dnsmasq "mem-blocked-$n") | $(cell unbound "mem-blocked-$n") | $(cell edge "mem-blocked-$n") | ≤ idle + 120 MB (3M) |"
        echo "| start until answering with $(thousands "$n") blocked names, s | | $(cell dnsmasq "ready-blocked-$n") | $(cell unbound "ready-blocked-$n") | $(cell edge "ready-blocked-$n") | |"
    done
    echo "| answers during a reload of $(thousands "${BLOCKED##* }") names at $(thousands "$LAT_QPS") q/s | | n/a | n/a | $(cell edge reload) | no pause |"
    echo
    echo "Load average (1, 5, 15 min) when each column started: $(printf '%s; ' "${LOADS[@]:-none}" | sed 's/; $//')."
    for f in "${cols[@]}"; do
        [[ -n ${NOTE[$f]:-} ]] && echo "$f not run: ${NOTE[$f]}."
    done
    echo "Response codes of the first blocked run: dnsmasq ${RESULT[dnsmasq,blocked-${BLOCKED%% *}-codes]:-–}; unbound ${RESULT[unbound,blocked-${BLOCKED%% *}-codes]:-–}; Edge ${RESULT[edge,blocked-${BLOCKED%% *}-codes]:-–}."
}
