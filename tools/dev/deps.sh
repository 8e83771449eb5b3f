#!/usr/bin/env bash
# Installs the Debian packages Edge needs on a development or CI machine (root or sudo):
# libpcap for capture and replay, tshark and tcpdump for the reference comparisons,
# clang and lld to link the NativeAOT build, mosquitto and mosquitto-clients for the MQTT tests
# (the tests start their own broker on a free loopback port: the system service is left stopped
# and disabled), chromium for the status page's real-browser test (headless, at /usr/bin/chromium),
# iproute2 and dig (bind9-dnsutils) for the end-to-end test on a veth pair in network namespaces,
# socat for the USB flashing tests (PTY pairs standing in for /dev/ttyACM0 and /dev/ttyGS0).
# The DNS forwarder's lab and figures (tests/Edge.IntegrationTests/Dns, tools/perf/dns-figures.sh):
# unbound and dnsmasq (dnsmasq-base: the binary without its service) as real upstreams and as the
# forwarders Edge is measured against, dnsperf for the figures, kdig (knot-dnsutils) as a second
# client, nftables for the gateway mode's block set. The tests start their own unbound: the
# packaged service is left stopped and disabled.
# Idempotent: checks for the programs and the library themselves, so it does nothing when they
# are present, whatever the packages are called on this release.
# For the Raspberry Pi build (tools/build/publish-arm64.sh, tests/Edge.IntegrationTests/Arm64):
# gcc-aarch64-linux-gnu (with binutils-aarch64-linux-gnu) and libc6-dev-arm64-cross so clang can
# link NativeAOT for linux-arm64, and, with the arm64 architecture added to dpkg, the
# arm64 libc, libpcap and libssl plus qemu-user-static to run that binary on this machine.
set -euo pipefail
missing=()
# libpcap0.8 became libpcap0.8t64 with the 64-bit time_t transition (Debian 13, Ubuntu 24.04).
if ! ldconfig -p | grep 'libpcap\.so\.0\.8 ' | grep -qv AArch64; then
  if apt-cache show libpcap0.8t64 >/dev/null 2>&1; then missing+=(libpcap0.8t64); else missing+=(libpcap0.8); fi
fi
for tool in tshark tcpdump clang ld.lld; do
  command -v "$tool" >/dev/null 2>&1 || missing+=("$([ "$tool" = ld.lld ] && echo lld || echo "$tool")")
done
# mosquitto lives in /usr/sbin, which a non-root PATH may leave out.
[ -x /usr/sbin/mosquitto ] || command -v mosquitto >/dev/null 2>&1 || missing+=(mosquitto)
command -v mosquitto_pub >/dev/null 2>&1 || missing+=(mosquitto-clients)
command -v ip >/dev/null 2>&1 || [ -x /usr/sbin/ip ] || missing+=(iproute2)
command -v dig >/dev/null 2>&1 || missing+=(bind9-dnsutils)
command -v socat >/dev/null 2>&1 || missing+=(socat)
# unbound, dnsmasq and nft live in /usr/sbin, which a non-root PATH may leave out.
[ -x /usr/sbin/unbound ] || command -v unbound >/dev/null 2>&1 || missing+=(unbound)
[ -x /usr/sbin/dnsmasq ] || command -v dnsmasq >/dev/null 2>&1 || missing+=(dnsmasq-base)
[ -x /usr/sbin/nft ] || command -v nft >/dev/null 2>&1 || missing+=(nftables)
command -v dnsperf >/dev/null 2>&1 || missing+=(dnsperf)
command -v kdig >/dev/null 2>&1 || missing+=(knot-dnsutils)
# PostgreSQL for the incident store's tests: each starts its own cluster in a temporary folder on a free
# loopback port (tests/Edge.IntegrationTests/TestSupport/PostgresProcess.cs); the packaged one stays stopped.
compgen -G '/usr/lib/postgresql/*/bin/postgres' >/dev/null || missing+=(postgresql)
# The report's charts (ScottPlot on SkiaSharp without fontconfig) draw their text in DejaVu Sans.
[ -e /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || missing+=(fonts-dejavu-core)
# The browser test runs this exact path, not whatever chromium or chrome the PATH finds first.
[ -x /usr/bin/chromium ] || missing+=(chromium)
# linux-arm64 cross link: clang --target=aarch64-linux-gnu uses the cross gcc's C runtime and ld.
command -v aarch64-linux-gnu-gcc >/dev/null 2>&1 || missing+=(gcc-aarch64-linux-gnu)
# Its C library objects (crti.o, Scrt1.o, libm, libdl, librt) are only a Recommends of the compiler.
[ -e /usr/aarch64-linux-gnu/lib/crti.o ] || missing+=(libc6-dev-arm64-cross)
command -v qemu-aarch64-static >/dev/null 2>&1 || missing+=(qemu-user-static)
# The arm64 binary runs under qemu against the arm64 libc and libpcap of dpkg's multiarch.
arm64_lib=/usr/lib/aarch64-linux-gnu
[ -e "$arm64_lib/libc.so.6" ] || [ -e "/lib/aarch64-linux-gnu/libc.so.6" ] || missing+=(libc6:arm64)
[ -e "$arm64_lib/libpcap.so.0.8" ] || missing+=(libpcap0.8:arm64)
# .NET's cryptography (alert ids, the uplink's TLS) loads OpenSSL at start-up, as on the Pi.
[ -e "$arm64_lib/libssl.so.3" ] || missing+=(libssl3:arm64)
[ ${#missing[@]} -eq 0 ] && exit 0
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
if ! dpkg --print-foreign-architectures | grep -qx arm64; then
  $sudo dpkg --add-architecture arm64
fi
$sudo apt-get update -qq
# apt-cache knows nothing before the first update on a fresh machine: resolve the names again
# (libpcap0.8 and libssl3 gained a t64 suffix with the 64-bit time_t transition).
for i in "${!missing[@]}"; do
  case "${missing[$i]}" in
    libpcap0.8|libpcap0.8:arm64|libssl3:arm64)
      t64="${missing[$i]/0.8/0.8t64}"; t64="${t64/libssl3/libssl3t64}"
      if apt-cache show "$t64" >/dev/null 2>&1; then missing[$i]=$t64; fi ;;
  esac
done
# policy-rc.d (Debian's hook for package scripts) keeps apt from starting the mosquitto and unbound
# services while installing; an existing one is left as it is.
policy=""
if [ ! -e /usr/sbin/policy-rc.d ]; then
  policy=/usr/sbin/policy-rc.d
  printf '#!/bin/sh\nexit 101\n' | $sudo tee "$policy" >/dev/null
  $sudo chmod +x "$policy"
  trap '$sudo rm -f "$policy"' EXIT
fi
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
# The tests run their own broker and resolvers: the system ones must not hold 1883 or 53 or start on boot.
for service in mosquitto unbound; do
  if [ -d /run/systemd/system ] && command -v systemctl >/dev/null 2>&1; then
    $sudo systemctl disable --now "$service" >/dev/null 2>&1 || true
  elif [ -x "/etc/init.d/$service" ]; then
    $sudo "/etc/init.d/$service" stop >/dev/null 2>&1 || true
    command -v update-rc.d >/dev/null 2>&1 && $sudo update-rc.d "$service" disable >/dev/null 2>&1 || true
  fi
done
echo "installed: ${missing[*]}"
