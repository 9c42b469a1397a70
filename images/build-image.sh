#!/usr/bin/env bash
# The kiosk's disk image from the root filesystem of build-rootfs.sh: GPT, UEFI, systemd-boot,
# two root slots (A/B) mounted read-only, and a data partition that updates never touch.
#   images/build-image.sh OUT_DIR/rootfs.tar OUT_DIR
# Writes OUT_DIR/kiosk.img (sparse). No loop devices or mounts: every partition is made as a file
# (mke2fs -d, mkfs.vfat + mtools) and copied into place. Needs root (the files' owners),
# e2fsprogs, dosfstools, mtools, fdisk (sfdisk).
#
#   1  dc-esp     256 MiB  FAT32  systemd-boot, loader entries, slot A's kernel and initrd
#   2  dc-root-a           ext4   the root filesystem, mounted read-only
#   3  dc-root-b           ext4   empty: the next update is written here (images/README.md)
#   4  dc-data      1 GiB  ext4   /data: the kiosk's database, keys and config, the journal
set -euo pipefail
tarball=$(realpath "$1")
out=$(realpath "$2")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/root"
tar -C "$work/root" -xf "$tarball"
root="$work/root"

kernel=$(ls "$root"/boot/vmlinuz-* | sort -V | tail -1)
initrd=$(ls "$root"/boot/initrd.img-* | sort -V | tail -1)
efi="$root/usr/lib/systemd/boot/efi/systemd-bootx64.efi"
[ -f "$efi" ] || { echo "build-image: no systemd-boot in the root filesystem (systemd-boot-efi)" >&2; exit 1; }
version=$(awk '$0=="Package: dc-kiosk"{f=1} f&&/^Version:/{print $2; exit}' "$root/var/lib/dpkg/status")
uid=$(awk -F: '$1=="dc-kiosk"{print $3}' "$root/etc/passwd")
gid=$(awk -F: '$1=="dc-kiosk"{print $3}' "$root/etc/group")
journal_gid=$(awk -F: '$1=="systemd-journal"{print $3}' "$root/etc/group")

# The kernel line: the slot's root, read-only; kernel errors only on the screen, and systemd's
# progress on the serial port (a technician's cable sees how the boot went; no login there).
cmdline="root=PARTLABEL=dc-root-a ro quiet console=tty1 console=ttyS0,115200 systemd.show_status=1 vt.global_cursor_default=0"

# mkext4 LABEL FILE SIZE [mke2fs options]: quiet unless it fails.
mkext4() {
  mke2fs -q -t ext4 -L "$1" "${@:4}" "$2" "$3" >"$work/mke2fs.log" 2>&1 || { cat "$work/mke2fs.log" >&2; exit 1; }
}

# 1: the EFI system partition.
esp="$work/esp.img"
mkfs.vfat -F 32 -n DC-ESP -C "$esp" $((256 * 1024)) >/dev/null
mmd -i "$esp" ::/EFI ::/EFI/BOOT ::/loader ::/loader/entries ::/a
mcopy -i "$esp" "$efi" ::/EFI/BOOT/BOOTX64.EFI
mcopy -i "$esp" "$kernel" ::/a/vmlinuz
mcopy -i "$esp" "$initrd" ::/a/initrd.img
printf 'default a.conf\ntimeout 0\neditor no\n' > "$work/loader.conf"
printf 'title Digital Citizen kiosk (slot A)\nversion %s\nlinux /a/vmlinuz\ninitrd /a/initrd.img\noptions %s\n' \
  "$version" "$cmdline" > "$work/a.conf"
mcopy -i "$esp" "$work/loader.conf" ::/loader/loader.conf
mcopy -i "$esp" "$work/a.conf" ::/loader/entries/a.conf

# 2, 3: the root slots, with a quarter of the files' size to spare for a larger update.
used=$(du -sm "$root" | cut -f1)
slot=$(( (used * 5 / 4 + 63) / 64 * 64 ))
rm -f "$root"/boot/vmlinuz-* "$root"/boot/initrd.img-*  # they boot from the ESP; no second copy
mkext4 dc-root-a "$work/root-a.img" "${slot}M" -d "$root"
mkext4 dc-root-b "$work/root-b.img" "${slot}M"

# 4: the data partition, with its folders owned as the units expect. systemd's state folder lives
# here too (bound on /var/lib/systemd), so the host key that seals the device key
# (credential.secret, made on first boot) belongs to this box and survives root updates.
mkdir -p "$work/data/kiosk" "$work/data/journal"
cp -a "$root/var/lib/systemd" "$work/data/systemd"
chmod 0755 "$work/data/systemd"
chown "$uid:$gid" "$work/data/kiosk"
chmod 0750 "$work/data/kiosk"
chown "0:$journal_gid" "$work/data/journal"
chmod 2755 "$work/data/journal"
mkext4 dc-data "$work/data.img" 1024M -d "$work/data"

# The disk: partitions in order, 1 MiB aligned, GPT names as the fstab and the loader expect.
mkdir -p "$out"
disk="$out/kiosk.img"
rm -f "$disk"
total=$((1 + 256 + slot * 2 + 1024 + 1))
truncate -s "${total}M" "$disk"
sfdisk -q "$disk" <<PARTS
label: gpt
start=1MiB, size=256MiB, type=uefi, name=dc-esp
size=${slot}MiB, type=4F68BCE3-E8CD-4DB1-96E7-FBCAF984B709, name=dc-root-a
size=${slot}MiB, type=4F68BCE3-E8CD-4DB1-96E7-FBCAF984B709, name=dc-root-b
size=1024MiB, type=linux, name=dc-data
PARTS
at=1
for part in esp root-a root-b data; do
  dd if="$work/$part.img" of="$disk" bs=1M seek="$at" conv=notrunc,sparse status=none
  at=$((at + $(stat -c %s "$work/$part.img") / 1048576))
done
echo "image: $disk ($(du -h --apparent-size "$disk" | cut -f1) disk, $(du -h "$disk" | cut -f1) written; root slots ${slot} MiB; dc-kiosk $version)"
