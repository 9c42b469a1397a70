#!/usr/bin/env bash
# Installs every Debian 12 package the project needs to build, test and run.
# Idempotent and non-interactive: when everything is present it only checks and exits.
#   scripts/setup.sh           what the kiosk, the server and the test suite need
#   scripts/setup.sh --image   and the OS image's tools (images/test-image.sh, the slow test)
#   scripts/setup.sh --fuzz    and clang 16 with libFuzzer (scripts/fuzz.sh; clang 14 lacks <expected>)
set -euo pipefail

PACKAGES=(
  # toolchain
  build-essential cmake pkg-config ccache git
  # the code's format (.clang-format), checked by the suite with this one version
  clang-format-14
  # window, GL and UI
  libimgui-dev libstb-dev libfreetype-dev libsdl2-dev libglfw3-dev libgl-dev libegl-dev
  libgl1-mesa-dri libegl-mesa0
  # storage and data formats
  libsqlite3-dev nlohmann-json3-dev libsodium-dev libqrencode-dev libtomlplusplus-dev
  # network (sync)
  libcurl4-openssl-dev libmicrohttpd-dev libpq-dev postgresql openssl
  # audio guidance
  libespeak-ng-dev espeak-ng-data
  # ID capture: cameras, the MRZ typeface (the reader is trained on it), barcodes, and
  # Tesseract as the benchmark's baseline
  libcamera-dev libv4l-dev fonts-ocr-b libzxing-dev libtesseract-dev tesseract-ocr-eng
  # translations: gettext catalogs checked by msgfmt
  gettext
  # fonts: Noto for Latin, Cyrillic and Georgian; DejaVu as a second choice
  fonts-noto-core fonts-dejavu-core
  # pictograms on the tiles and main buttons (Material Icons, merged into the font atlas)
  fonts-material-design-icons-iconfont
  # service: sd_notify (readiness, watchdog) under systemd; packaging checks
  libsystemd-dev systemd dpkg-dev fakeroot
  # tests: Catch2 v2, headless X server; a fixed clock for screenshots (scripts/screenshots.sh)
  catch2 xvfb xauth faketime
  # the office console's browser tests: Debian's Chromium, its WebDriver and Selenium
  chromium chromium-driver python3-selenium
)
if [ "${1:-}" = "--image" ]; then
  # the OS image: Debian's bootstrapper, partitions and file systems without mounting, the UEFI
  # firmware and the emulator for the boot test
  PACKAGES+=(mmdebstrap e2fsprogs dosfstools mtools fdisk qemu-system-x86 ovmf python3)
fi
if [ "${1:-}" = "--fuzz" ]; then
  PACKAGES+=(clang-16 libclang-rt-16-dev)
fi

missing=()
for p in "${PACKAGES[@]}"; do
  # dpkg-query reports "install ok installed" only for fully installed packages.
  if [ "$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null)" != "install ok installed" ]; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "setup: all ${#PACKAGES[@]} packages are installed"
  exit 0
fi

echo "setup: installing ${#missing[@]} package(s): ${missing[*]}"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "setup: run as root or install sudo" >&2; exit 1; }
  SUDO="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
echo "setup: done"
