#!/usr/bin/env bash
# Installs the Debian packages Edge needs on a development or CI machine (root or sudo):
# libpcap for capture and replay, tshark and tcpdump for the reference comparisons,
# clang and lld to link the NativeAOT build.
# Idempotent: does nothing when everything is already there.
set -euo pipefail
packages=(libpcap0.8 tshark tcpdump clang lld)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "installed: ${missing[*]}"
