#!/usr/bin/env bash
# The OS image's slow test, end to end: the kiosk's packages from a build folder, the root
# filesystem from Debian's mirror, its audit, the disk image, and two boots under QEMU.
#   sudo images/test-image.sh [BUILD_DIR] [OUT_DIR]      (defaults: build/dev, a temporary folder)
# About 5 minutes on 2 cores; needs root, network access to Debian's mirror, and
# scripts/setup.sh --image (mmdebstrap, qemu-system-x86, ovmf, dosfstools, mtools).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=$(realpath "${1:-$here/../build/dev}")
out=${2:-$(mktemp -d)}
mkdir -p "$out/debs"
(cd "$build" && cpack -G DEB -B "$out/debs" >"$out/cpack.log" 2>&1) || { tail -20 "$out/cpack.log"; exit 1; }
rm -rf "$out/debs/_CPack_Packages"
"$here/build-rootfs.sh" "$out/debs" "$out" >"$out/rootfs.log" 2>&1 || { tail -30 "$out/rootfs.log"; exit 1; }
tail -1 "$out/rootfs.log"
"$here/check-rootfs.sh" "$out/rootfs.tar"
"$here/build-image.sh" "$out/rootfs.tar" "$out"
"$here/boot-test.sh" "$out/kiosk.img"
