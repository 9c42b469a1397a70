#!/usr/bin/env bash
# Builds and starts the kiosk on its embedded demo data, full screen on $DISPLAY.
# With no display it says so, runs the kiosk under Xvfb, saves a screenshot of the Home
# screen and prints its path. Extra arguments go to dc-kiosk (try --help).
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh
cmake --preset dev >/dev/null
cmake --build --preset dev --target dc-kiosk

kiosk="build/dev/app/dc-kiosk"
if [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]; then
  exec "$kiosk" "$@"
fi

shot="${KIOSK_SCREENSHOT:-$PWD/build/kiosk-home.png}"
echo "No display found (DISPLAY is not set): running the kiosk under Xvfb at 1920x1080 instead."
script="$(mktemp)"
trap 'rm -f "$script"' EXIT
printf 'expect "Find a job"\nscreenshot "%s"\n' "$shot" > "$script"
xvfb-run -a -s "-screen 0 1920x1080x24" "$kiosk" --script "$script" "$@"
echo "Screenshot of the Home screen: $shot"
