#!/usr/bin/env bash
# The kiosk's root filesystem: Debian 12 from Debian's own packages (mmdebstrap), the kiosk's
# .deb packages installed into it, locked down for an appliance.
#   images/build-rootfs.sh DEB_DIR OUT_DIR [MIRROR]
# DEB_DIR holds dc-kiosk_*.deb and dc-provision_*.deb (cpack -G DEB in the build folder); the
# root filesystem is written to OUT_DIR/rootfs.tar. Needs root (or unshare) and Debian's mirror.
set -euo pipefail
debs=$(cd "$1" && pwd)
out=$2
mirror=${3:-http://deb.debian.org/debian}
mkdir -p "$out"
kiosk=$(ls "$debs"/dc-kiosk_*.deb | head -1)
provision=$(ls "$debs"/dc-provision_*.deb | head -1)

overlay=$(cd "$(dirname "$0")/overlay" && pwd)

# What a kiosk box needs besides the kiosk's own dependencies: a kernel and its firmware loader,
# systemd as init, udev for the touch screen and USB sticks, Mesa for the display, sound, the
# network (systemd-networkd, DHCP; systemd-resolved comes last, as it takes over the resolv.conf
# the installation itself still needs) and the boot loader's EFI binary (build-image.sh
# puts it on the EFI system partition; nothing in the image runs bootctl).
include=linux-image-amd64,systemd,systemd-sysv,systemd-boot-efi,udev,dbus,kmod,libpam-systemd,libgl1-mesa-dri,libegl-mesa0,alsa-utils,ca-certificates,mount,util-linux

# The overlay: fstab (read-only root, data partition), the network, journald on the data
# partition. The state folders systemd's own units declare exist beforehand (on a read-only root
# systemd cannot create them, and logind would not start). systemd-random-seed is masked: its
# seed file would sit on the read-only root, and the kernel (6.1) seeds its generator itself.
mmdebstrap --variant=minbase --include="$include" \
  --customize-hook="copy-in $kiosk $provision /tmp" \
  --customize-hook='chroot "$1" sh -c "apt-get install -y --no-install-recommends /tmp/dc-*.deb && rm /tmp/dc-*.deb"' \
  --customize-hook='chroot "$1" apt-get install -y --no-install-recommends systemd-resolved' \
  --customize-hook='chroot "$1" systemctl set-default graphical.target' \
  --customize-hook='chroot "$1" systemctl mask getty@tty1.service serial-getty@ttyS0.service console-getty.service' \
  --customize-hook='chroot "$1" passwd --lock root' \
  --customize-hook="sync-in $overlay /" \
  --customize-hook='mkdir -p "$1/data" "$1/var/log/journal" "$1/var/lib/digital-citizen" "$1/var/lib/systemd/linger" "$1/var/lib/systemd/backlight" "$1/var/lib/systemd/rfkill"' \
  --customize-hook='chroot "$1" systemctl enable systemd-networkd.service systemd-resolved.service' \
  --customize-hook='chroot "$1" systemctl mask systemd-random-seed.service' \
  --customize-hook='echo dc-kiosk > "$1/etc/hostname"' \
  --customize-hook='chroot "$1" apt-get clean' \
  bookworm "$out/rootfs.tar" "$mirror"
echo "rootfs: $out/rootfs.tar ($(du -h "$out/rootfs.tar" | cut -f1))"
