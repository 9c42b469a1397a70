#!/usr/bin/env bash
# Builds the three .deb packages with CPack from an already built tree and checks them: each
# holds what it should (programs, units, users, docs), depends on what it needs, its maintainer
# scripts are sound shell, and systemd accepts its units (systemd-analyze verify, in a root made
# of the packages' files and this machine's systemd units, with every warning counted as an error).
#   check_packages.sh BUILD_DIR
set -euo pipefail
build=$(cd "$1" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

(cd "$build" && cpack -G DEB -B "$work/debs" >"$work/cpack.log" 2>&1) || { cat "$work/cpack.log"; fail "cpack could not build the packages"; }
version=$(sed -n 's/^CMAKE_PROJECT_VERSION:STATIC=//p' "$build/CMakeCache.txt")

deb() { ls "$work"/debs/"$1"_"$version"_*.deb 2>/dev/null | head -1; }
for p in dc-kiosk dc-server dc-provision; do
  [ -n "$(deb $p)" ] || fail "no $p package (have: $(ls "$work/debs"))"
done

contains() {  # PACKAGE PATH...
  local pkg=$1 list path
  shift
  list=$(dpkg-deb -c "$(deb "$pkg")" | awk '{print $6}')
  for path in "$@"; do
    grep -qx "\./${path#/}" <<<"$list" || fail "$pkg lacks $path"
  done
}
contains dc-kiosk /usr/bin/dc-kiosk /usr/lib/systemd/system/dc-kiosk.service /usr/lib/systemd/system/dc-provision-usb.service \
  /usr/lib/systemd/system/dc-kiosk-key.service /usr/lib/dc-kiosk/seal-device-key \
  /usr/lib/sysusers.d/dc-kiosk.conf /usr/lib/dc-provision/provision-from-usb /usr/share/doc/dc-kiosk/SCHEMA.md \
  /usr/share/doc/dc-kiosk/sites/georgia-batumi-employment-office.toml
contains dc-server /usr/bin/dc-server /usr/lib/systemd/system/dc-server.service /usr/lib/sysusers.d/dc-server.conf \
  /usr/share/doc/dc-server/PROTOCOL.md
contains dc-provision /usr/bin/dc-provision
# Nothing of one package in another, no test program, no private key or database shipped.
dpkg-deb -c "$(deb dc-provision)" | grep -q 'dc-kiosk\|dc-server' && fail "dc-provision carries another package's files"
for p in dc-kiosk dc-server dc-provision; do
  dpkg-deb -c "$(deb $p)" | grep -E '(_tests|dc-bench|\.key|\.db|\.pem)$' && fail "$p ships a test program, a key or a database"
done

# Dependencies: libraries found by dpkg-shlibdeps, plus what is read at run time.
kdeps=$(dpkg-deb -f "$(deb dc-kiosk)" Depends)
for d in libsdl2 libsqlite3 libcurl libsodium libespeak-ng fonts-noto-core fonts-material-design-icons-iconfont fonts-ocr-b libegl1 libgbm1 "dc-provision (= $version)"; do
  grep -q -- "$d" <<<"$kdeps" || fail "dc-kiosk does not depend on $d: $kdeps"
done
grep -q libpq <<<"$(dpkg-deb -f "$(deb dc-server)" Depends)" || fail "dc-server does not depend on libpq"

# Maintainer scripts: present, executable, valid shell.
for p in dc-kiosk dc-server; do
  mkdir -p "$work/ctl-$p"
  dpkg-deb -e "$(deb $p)" "$work/ctl-$p"
  for s in postinst prerm; do
    [ -x "$work/ctl-$p/$s" ] || fail "$p has no executable $s"
    sh -n "$work/ctl-$p/$s" || fail "$p $s is not valid shell"
  done
  grep -q "systemctl enable" "$work/ctl-$p/postinst" || fail "$p postinst does not enable its unit"
done
sh -n "$(dirname "$0")/../../images/systemd/provision-from-usb" || fail "provision-from-usb is not valid shell"
sh -n "$(dirname "$0")/../../images/systemd/seal-device-key" || fail "seal-device-key is not valid shell"

# The units, as systemd reads them, in a root holding the packages' files.
root="$work/root"
mkdir -p "$root/usr/lib/systemd/system"
cp -a /usr/lib/systemd/system/. "$root/usr/lib/systemd/system/"
for p in dc-kiosk dc-server dc-provision; do dpkg-deb -x "$(deb $p)" "$root"; done
mkdir -p "$root/usr/bin" && [ -e "$root/usr/bin/systemctl" ] || cp /usr/bin/systemctl "$root/usr/bin/systemctl"
for unit in dc-kiosk.service dc-provision-usb.service dc-server.service; do
  out=$(systemd-analyze verify --man=no --root="$root" "$root/usr/lib/systemd/system/$unit" 2>&1) || fail "$unit: $out"
  [ -z "$out" ] || fail "$unit: systemd-analyze verify says: $out"
done
# What the kiosk's unit promises: notify + watchdog, restart always, journald, its own user.
kunit="$root/usr/lib/systemd/system/dc-kiosk.service"
for line in Type=notify WatchdogSec=30 Restart=always StandardError=journal User=dc-kiosk ProtectSystem=strict; do
  grep -qx "$line" "$kunit" || fail "dc-kiosk.service lacks $line"
done
grep -q '^u dc-kiosk ' "$root/usr/lib/sysusers.d/dc-kiosk.conf" || fail "no dc-kiosk user"
grep -q 'nologin' "$root/usr/lib/sysusers.d/dc-kiosk.conf" || fail "the dc-kiosk user can log in"

ls -l "$work"/debs/*.deb | awk '{print $5, $9}' | sed "s|$work/debs/||"
echo "packages: dc-kiosk, dc-server and dc-provision $version are complete and their units verify"
