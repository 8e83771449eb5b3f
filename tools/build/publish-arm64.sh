#!/usr/bin/env bash
# Publishes edge-service for the Raspberry Pi (linux-arm64) as a NativeAOT executable,
# cross-compiled on this x64 Linux machine: ILCompiler emits arm64 code and clang links it with
# --target=aarch64-linux-gnu, through Debian's cross binutils (aarch64-linux-gnu-ld) against the
# cross C library (/usr/aarch64-linux-gnu); aarch64-linux-gnu-objcopy moves the symbols into
# edge-service.dbg (llvm-objcopy, ILCompiler's choice beside clang, is not installed by clang on
# Debian, and the host's objcopy does not know arm64).
#
# Usage: tools/build/publish-arm64.sh [OUT] [more dotnet publish arguments, e.g. --artifacts-path DIR]
#   OUT defaults to artifacts/publish-arm64 in the repository (ignored by git). It receives
#   edge-service (the executable), edge-service.dbg (its symbols), libe_sqlite3.so (the outbox's
#   SQLite, arm64), appsettings.json and Samples/.
# Needs: the .NET 10 SDK (NuGet reachable for the linux-arm64 runtime and ILCompiler packages the
#   first time), clang, gcc-aarch64-linux-gnu, binutils-aarch64-linux-gnu and libc6-dev-arm64-cross:
#   `tools/dev/deps.sh` installs them (root or sudo).
# On the Pi the binary needs glibc 2.36 or newer (Debian 12 / Raspberry Pi OS bookworm), libpcap0.8
#   and libssl3; the .NET runtime is inside it.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
out="${1:-$repo/artifacts/publish-arm64}"
if [ $# -gt 0 ]; then shift; fi

missing=()
command -v dotnet >/dev/null 2>&1 || missing+=("dotnet (the .NET 10 SDK)")
command -v clang >/dev/null 2>&1 || missing+=(clang)
command -v aarch64-linux-gnu-ld >/dev/null 2>&1 || missing+=("aarch64-linux-gnu-ld (binutils-aarch64-linux-gnu)")
compgen -G '/usr/lib/gcc-cross/aarch64-linux-gnu/*/crtbeginS.o' >/dev/null || missing+=("the arm64 gcc runtime (gcc-aarch64-linux-gnu)")
[ -e /usr/aarch64-linux-gnu/lib/crti.o ] || missing+=("the arm64 C library objects (libc6-dev-arm64-cross)")
command -v aarch64-linux-gnu-objcopy >/dev/null 2>&1 || missing+=("aarch64-linux-gnu-objcopy (binutils-aarch64-linux-gnu)")
if [ ${#missing[@]} -gt 0 ]; then
  printf 'publish-arm64: missing %s\n' "${missing[@]}" >&2
  echo "publish-arm64: run tools/dev/deps.sh (as root or with sudo) to install the cross toolchain" >&2
  exit 3
fi

mkdir -p "$out"
out="$(cd "$out" && pwd)"
start=$(date +%s%N)
dotnet publish "$repo/edge-service/Edge.Service" -c Release -r linux-arm64 -p:PublishAot=true \
  -p:ObjCopyName=aarch64-linux-gnu-objcopy -o "$out" "$@"
end=$(date +%s%N)

binary="$out/edge-service"
# An ELF header's e_machine (offset 18, little endian) is 183 (0xb7) for AArch64.
machine=$(od -An -tu2 -j18 -N2 "$binary" | tr -d ' ')
if [ "$machine" != 183 ]; then
  echo "publish-arm64: $binary is not an AArch64 ELF executable (e_machine $machine)" >&2
  exit 1
fi
for file in appsettings.json Samples/lan-sample.pcap Samples/selftest-expected.txt libe_sqlite3.so; do
  [ -e "$out/$file" ] || { echo "publish-arm64: $out/$file is missing" >&2; exit 1; }
done
elapsed=$(( (end - start) / 100000000 ))
printf 'publish-arm64: %s (NativeAOT, linux-arm64, %s bytes) in %d.%d s\n' \
  "$binary" "$(stat -c %s "$binary")" $((elapsed / 10)) $((elapsed % 10))
