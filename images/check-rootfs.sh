#!/usr/bin/env bash
# Checks a root filesystem made by build-rootfs.sh, as an auditor would before it is written to
# a kiosk: the kiosk installed and started at boot, no console login, no way in over the network,
# the kiosk's user unable to log in, journald bounded, nothing secret baked in.
#   images/check-rootfs.sh OUT_DIR/rootfs.tar
set -euo pipefail
tarball=$1
root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
tar -C "$root" -xf "$tarball"

installed() { awk -v p="$1" '$0=="Package: "p{f=1} f&&/^Status:/{print; exit}' "$root/var/lib/dpkg/status" | grep -q "install ok installed"; }
for p in dc-kiosk dc-provision systemd linux-image-amd64 libgl1-mesa-dri fonts-noto-core fonts-ocr-b; do
  installed "$p" || fail "package $p is not installed"
done
for p in openssh-server dropbear telnetd; do installed "$p" && fail "$p is installed: a way in over the network"; done
[ -e "$root/etc/ssh/sshd_config" ] && fail "an SSH server configuration is present"
found=$(find "$root" -name authorized_keys -o -name 'ssh_host_*key' -o -name device.key | head -1)
[ -z "$found" ] || fail "a key is baked into the image: ${found#$root}"
[ -z "$(ls -A "$root/var/lib/digital-citizen" 2>/dev/null)" ] || fail "the kiosk's data folder is not empty"

[ "$(readlink "$root/etc/systemd/system/default.target")" = "/lib/systemd/system/graphical.target" ] ||
  [ "$(readlink "$root/etc/systemd/system/default.target")" = "/usr/lib/systemd/system/graphical.target" ] ||
  fail "the default target is not graphical.target"
[ -L "$root/etc/systemd/system/graphical.target.wants/dc-kiosk.service" ] || fail "dc-kiosk.service is not enabled"
[ -L "$root/etc/systemd/system/multi-user.target.wants/dc-provision-usb.service" ] || fail "first-boot provisioning is not enabled"
for unit in getty@tty1.service serial-getty@ttyS0.service console-getty.service; do
  [ "$(readlink "$root/etc/systemd/system/$unit")" = /dev/null ] || fail "$unit is not masked: a console login is reachable"
done

grep -q '^dc-kiosk:.*:/usr/sbin/nologin$' "$root/etc/passwd" || fail "the dc-kiosk user is missing or can log in"
awk -F: '$7 !~ /(nologin|false|sync)$/ && $1 != "root" {print $1}' "$root/etc/passwd" | grep . && fail "a user other than root has a login shell"
grep -q '^root:[!*]' "$root/etc/shadow" || fail "root has a password"
grep -q '^SystemMaxUse=' "$root/etc/systemd/journald.conf.d/kiosk.conf" || fail "journald is not bounded"
ls "$root"/boot/vmlinuz-* >/dev/null 2>&1 || fail "no kernel in /boot"
[ -f "$root/usr/lib/systemd/boot/efi/systemd-bootx64.efi" ] || fail "no systemd-boot EFI binary for the disk image"

# The appliance layout: the data partition and the journal on it, temporary files in memory.
grep -q '^PARTLABEL=dc-data[[:space:]]\+/data[[:space:]]' "$root/etc/fstab" || fail "fstab does not mount the data partition"
grep -q '^/data/kiosk[[:space:]]\+/var/lib/digital-citizen[[:space:]]\+none[[:space:]]\+bind' "$root/etc/fstab" ||
  fail "the kiosk's data folder is not on the data partition"
grep -q '^/data/journal[[:space:]]\+/var/log/journal' "$root/etc/fstab" || fail "the journal is not on the data partition"
grep -q '^tmpfs[[:space:]]\+/tmp[[:space:]]' "$root/etc/fstab" || fail "/tmp would be on the read-only root"
grep -q -- '--wait-for-provisioning' "$root/usr/lib/systemd/system/dc-kiosk.service" || fail "dc-kiosk.service does not show the not-provisioned screen"
[ -L "$root/etc/systemd/system/multi-user.target.wants/systemd-networkd.service" ] || fail "the network (systemd-networkd) is not enabled"

echo "rootfs: dc-kiosk $(awk '$0=="Package: dc-kiosk"{f=1} f&&/^Version:/{print $2; exit}' "$root/var/lib/dpkg/status") installed and enabled, no console or network login, nothing secret; $(du -sh "$root" | cut -f1) unpacked"
