#!/usr/bin/env bash
# Installs the Debian packages Edge needs on a development or CI machine (root or sudo):
# libpcap for capture and replay, tshark and tcpdump for the reference comparisons,
# clang and lld to link the NativeAOT build.
# Idempotent: checks for the programs and the library themselves, so it does nothing when they
# are present, whatever the packages are called on this release.
set -euo pipefail
missing=()
# libpcap0.8 became libpcap0.8t64 with the 64-bit time_t transition (Debian 13, Ubuntu 24.04).
if ! ldconfig -p | grep -q 'libpcap\.so\.0\.8'; then
  if apt-cache show libpcap0.8t64 >/dev/null 2>&1; then missing+=(libpcap0.8t64); else missing+=(libpcap0.8); fi
fi
for tool in tshark tcpdump clang ld.lld; do
  command -v "$tool" >/dev/null 2>&1 || missing+=("$([ "$tool" = ld.lld ] && echo lld || echo "$tool")")
done
[ ${#missing[@]} -eq 0 ] && exit 0
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
# apt-cache knows nothing before the first update on a fresh machine: resolve the libpcap name again.
for i in "${!missing[@]}"; do
  if [ "${missing[$i]}" = libpcap0.8 ] && apt-cache show libpcap0.8t64 >/dev/null 2>&1; then missing[$i]=libpcap0.8t64; fi
done
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "installed: ${missing[*]}"
