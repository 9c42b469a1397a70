#!/usr/bin/env bash
# Boots the kiosk's disk image under QEMU (UEFI firmware, software emulation, no network) twice
# and checks what a technician would see:
#   1. a fresh image with no USB stick: systemd starts the kiosk, which shows the "not set up
#      yet" screen; the root slot is not written to (read-only), the journal and the kiosk's
#      files land on the data partition;
#   2. the same disk with a provisioning stick (digital-citizen/site.toml): it provisions itself
#      and the kiosk starts again with the site's configuration.
# Prints the boot-to-first-frame time. Slow (two boots, a few minutes); not in the default run.
#   images/boot-test.sh OUT_DIR/kiosk.img [TIMEOUT_SECONDS_PER_BOOT]
# Needs root (reading the data partition back), qemu-system-x86, ovmf, e2fsprogs, mtools, fdisk.
set -euo pipefail
image=$(realpath "$1")
limit=${2:-600}
work=$(mktemp -d)
# The serial consoles and the last journal are kept in BOOT_LOGS (default: beside the image) for a look afterwards.
logs=${BOOT_LOGS:-$(dirname "$image")}
trap 'pkill -f "qemu-system-x86_64.*$work" 2>/dev/null || true; cp "$work"/*.serial "$logs"/ 2>/dev/null || true; rm -rf "$logs/journal"; cp -r "$work/journal" "$logs"/ 2>/dev/null || true; rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
now() { date +%s; }

cp --sparse=always "$image" "$work/disk.img"
cp /usr/share/OVMF/OVMF_VARS_4M.fd "$work/vars.fd"
# Where partition N starts and how long it is, in 512-byte sectors.
part() { sfdisk --json "$work/disk.img" | python3 -c "import json,sys; p=json.load(sys.stdin)['partitiontable']['partitions'][$1-1]; print(p['start'], p['size'])"; }
read -r rootStart rootSize < <(part 2)
read -r dataStart dataSize < <(part 4)
rootSum() { dd if="$work/disk.img" bs=512 skip="$rootStart" count="$rootSize" status=none | sha256sum | cut -d' ' -f1; }
before=$(rootSum)

# powerdown NAME PID: the power button, as a person would press it (QEMU's monitor); waits for
# QEMU to end. A guest that does not power off in time is cut off, as a power cut would.
powerdown() {
  python3 - "$work/$1.monitor" <<'PY'
import socket, sys, time
s = socket.socket(socket.AF_UNIX)
s.connect(sys.argv[1])
s.settimeout(10)
def until_prompt():
    seen = b""
    while b"(qemu)" not in seen:
        seen += s.recv(4096)
until_prompt()
s.sendall(b"system_powerdown\n")
until_prompt()
time.sleep(1)
PY
  for _ in $(seq 1 90); do kill -0 "$2" 2>/dev/null || break; sleep 2; done
  if kill "$2" 2>/dev/null; then
    echo "$1: did not power off within 180 s; cut off" >&2
    POWER_CUT=1
  fi
  wait "$2" || true
}

# The data partition's journal, read on this machine.
journal() {
  rm -rf "$work/data.img" "$work/journal"
  dd if="$work/disk.img" of="$work/data.img" bs=512 skip="$dataStart" count="$dataSize" status=none
  debugfs -R "rdump /journal $work" "$work/data.img" >/dev/null 2>&1
  journalctl -D "$work/journal" -o short-monotonic --no-pager "$@"
}

# boot NAME MARKER [QEMU ARGS...]: boots until the serial console shows MARKER (systemd's own
# progress lines), lets the kiosk run a while, then presses the power button (a clean shutdown
# writes the journal out) and waits for the end.
boot() {
  local name=$1 marker=$2; shift 2
  local serial="$work/$name.serial" started
  started=$(now)
  qemu-system-x86_64 -accel tcg -machine q35 -m 2048 -smp 2 \
    -drive if=pflash,format=raw,readonly=on,file=/usr/share/OVMF/OVMF_CODE_4M.fd \
    -drive if=pflash,format=raw,file="$work/vars.fd" \
    -drive file="$work/disk.img",format=raw,if=none,id=disk -device virtio-blk-pci,drive=disk,addr=0x5,bootindex=0 \
    -vga std -display none -nic none -serial "file:$serial" \
    -monitor "unix:$work/$name.monitor,server,nowait" "$@" &
  local qemu=$!
  until grep -aq "$marker" "$serial" 2>/dev/null; do
    kill -0 "$qemu" 2>/dev/null || { tail -30 "$serial"; fail "$name: QEMU stopped before the kiosk started"; }
    [ $(( $(now) - started )) -lt "$limit" ] || { tail -30 "$serial"; fail "$name: no kiosk within $limit s"; }
    if grep -aq "Failed to start.*dc-kiosk" "$serial" 2>/dev/null; then
      powerdown "$name" "$qemu"
      journal -b 0 | grep -a -e "dc-kiosk\[" -e "dc-kiosk.service" | tail -40
      fail "$name: dc-kiosk.service failed"
    fi
    sleep 2
  done
  echo "$name: '$marker' on the serial console $(( $(now) - started )) s of wall time after power-on"
  sleep "${SETTLE:-30}"
  powerdown "$name" "$qemu"
  # Expected without a network or a stick: waiting for the network, and provisioning (retried).
  if grep -a "Failed to start" "$serial" | grep -v -e "provision from a USB stick" -e "Wait for Network to be Configured"; then
    fail "$name: a unit failed to start"
  fi
}

boot fresh "Started.*dc-kiosk.service"
fresh=$(journal -b 0 _COMM=dc-kiosk)
echo "$fresh" | grep -q "not provisioned: waiting for /var/lib/digital-citizen/device.toml" ||
  { echo "$fresh" | tail -20; fail "fresh: the kiosk did not show the not-provisioned screen"; }
frame=$(echo "$fresh" | grep -m1 "first frame shown" || true)
[ -n "$frame" ] || { echo "$fresh" | tail -20; fail "fresh: the kiosk never drew a frame"; }
[ "$(rootSum)" = "$before" ] || fail "fresh: the root slot was written to (it must be read-only)"
debugfs -R "ls -l /kiosk" "$work/data.img" 2>/dev/null | grep -q kiosk.db || fail "fresh: no kiosk.db on the data partition"
firstFrame=$(echo "$frame" | sed 's/^\[ *\([0-9.]*\)\].*/\1/')
echo "fresh: not provisioned screen shown; first frame at ${firstFrame} s after the kernel started; root slot unchanged"

# A provisioning stick, as an office prepares it (offline site: no server, no token needed).
mkdir -p "$work/stick/digital-citizen"
printf '[site]\nname = "QEMU boot test"\nlanguage = "ka"\n' > "$work/stick/digital-citizen/site.toml"
mkfs.vfat -C -n DCSTICK "$work/stick.img" 16384 >/dev/null
mcopy -s -i "$work/stick.img" "$work/stick/digital-citizen" ::/
# (The internal disk keeps its place on the bus, as on a real box, so the firmware's boot entry
# from the first boot still finds it.)
SETTLE=20 boot provisioned "Finished.*provision from a USB stick" -device qemu-xhci,addr=0x6 -drive if=none,id=stick,format=raw,file="$work/stick.img" -device usb-storage,drive=stick
second=$(journal -b 0)
echo "$second" | grep -q "dc-provision: provisioning from" || { echo "$second" | tail -30; fail "provisioned: the stick was not used"; }
# The kiosk's last start is provisioned (it usually started unprovisioned first, then restarted
# itself once device.toml appeared): it said so after it last said it was waiting.
waiting=$(echo "$second" | grep -n "not provisioned: waiting" | tail -1 | cut -d: -f1)
configured=$(echo "$second" | grep -n 'configured for "QEMU boot test"' | tail -1 | cut -d: -f1)
[ -n "$configured" ] && [ "${waiting:-0}" -lt "$configured" ] ||
  { echo "$second" | grep -a "dc-kiosk\[" | tail -20; fail "provisioned: the kiosk did not start provisioned"; }
# The credentials: the kiosk's alone (configuration 0640, folder 0750); the device key only sealed
# by systemd-creds (root's, 0600), never in the clear, and the kiosk opened it through systemd.
listing=$(debugfs -R "ls -l /kiosk" "$work/data.img" 2>/dev/null)
uid=$(debugfs -R "stat /kiosk" "$work/data.img" 2>/dev/null | sed -n 's/.*User: *\([0-9]*\).*/\1/p')
mode() { echo "$listing" | awk -v f="$1" '$NF==f{print $2" "$4}'; }
[ "$(mode device.toml)" = "100640 $uid" ] || { echo "$listing"; fail "provisioned: device.toml is not 0640 and the kiosk's"; }
[ "$(mode device.key.cred)" = "100600 0" ] || { echo "$listing"; fail "provisioned: device.key.cred is not 0600 and root's"; }
[ -z "$(mode device.key)" ] || { echo "$listing"; fail "provisioned: a plain device.key is on the data partition"; }
echo "$second" | grep -q "the device key is sealed by systemd" ||
  { echo "$second" | grep -a "dc-kiosk\[" | tail -20; fail "provisioned: the kiosk did not open the sealed device key"; }
[ "$(debugfs -R "stat /kiosk" "$work/data.img" 2>/dev/null | sed -n 's/.*Mode: *\(0[0-7]*\).*/\1/p')" = "0750" ] ||
  fail "provisioned: the kiosk's folder is not 0750"
[ "$(rootSum)" = "$before" ] || fail "provisioned: the root slot was written to"
echo "provisioned: from the USB stick; the kiosk restarted with the site's configuration; credentials 0600/0640 and the kiosk's; root slot unchanged"
[ -z "${POWER_CUT:-}" ] || fail "the power button did not shut the kiosk down cleanly"
echo "boot: kernel start to the kiosk's first frame ${firstFrame} s (QEMU TCG, 2 vCPUs, no GPU)"
