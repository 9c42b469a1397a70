#!/usr/bin/env bash
# Boots the root filesystem under QEMU (software emulation, serial console, no network) and waits
# for systemd to report the kiosk started: dc-kiosk.service is Type=notify, so "Started" means
# the kiosk drew its window on KMS/DRM and sent READY=1. Slow (a minute or two); not part of the
# default test run.
#   images/boot-test.sh OUT_DIR/rootfs.tar [TIMEOUT_SECONDS]
# Needs root (the disk image keeps the files' owners), qemu-system-x86, e2fsprogs.
set -euo pipefail
tarball=$(realpath "$1")
limit=${2:-600}
work=$(mktemp -d)
trap 'pkill -f "qemu-system-x86_64.*$work" 2>/dev/null || true; rm -rf "$work"' EXIT
mkdir "$work/root"
tar -C "$work/root" -xf "$tarball"
# Provisioned as an offline kiosk (no server), the way dc-provision leaves a data folder.
data="$work/root/var/lib/digital-citizen"
mkdir -p "$data"
printf '[site]\nname = "QEMU boot test"\nlanguage = "ka"\n' > "$data/device.toml"
owner=$(awk -F: '$1=="dc-kiosk"{print $3":"$4}' "$work/root/etc/passwd")
chown -R "$owner" "$data"
chmod 0750 "$data"
chmod 0640 "$data/device.toml"
kernel=$(ls "$work"/root/boot/vmlinuz-* | head -1)
initrd=$(ls "$work"/root/boot/initrd.img-* | head -1)
cp "$kernel" "$work/vmlinuz"
cp "$initrd" "$work/initrd"
mke2fs -q -t ext4 -d "$work/root" -L kiosk-root "$work/root.img" 3G
rm -rf "$work/root"

start=$(date +%s.%N)
qemu-system-x86_64 -accel tcg -m 2048 -smp 2 -kernel "$work/vmlinuz" -initrd "$work/initrd" \
  -append "root=/dev/vda rw console=ttyS0 systemd.journald.forward_to_console=1" \
  -drive "file=$work/root.img,format=raw,if=virtio" -vga std -display none -nic none \
  -serial "file:$work/serial.log" -monitor none -no-reboot &
qemu=$!
while kill -0 "$qemu" 2>/dev/null; do
  if grep -aq "Started dc-kiosk.service" "$work/serial.log" 2>/dev/null; then
    ready=$(grep -ao '\[ *[0-9.]*\] systemd\[1\]: Started dc-kiosk.service' "$work/serial.log" | head -1 |
            sed 's/^\[ *\([0-9.]*\)\].*/\1/')
    kill "$qemu"
    grep -a "dc-kiosk\[" "$work/serial.log" | grep -a "window" | head -1
    echo "boot: the kiosk reported ready ${ready:-?} s after the kernel started (QEMU TCG, 2 vCPUs);" \
         "$(awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN{printf "%.0f", e-s}') s of wall time"
    exit 0
  fi
  if grep -aq "Failed to start dc-kiosk.service" "$work/serial.log" 2>/dev/null; then
    grep -a "dc-kiosk\[" "$work/serial.log" | tail -20
    echo "FAIL: dc-kiosk.service failed to start" >&2
    exit 1
  fi
  if [ "$(awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN{print int(e-s)}')" -ge "$limit" ]; then
    tail -40 "$work/serial.log"
    echo "FAIL: no kiosk within $limit s" >&2
    exit 1
  fi
  sleep 2
done
tail -40 "$work/serial.log"
echo "FAIL: QEMU stopped before the kiosk started" >&2
exit 1
