#!/usr/bin/env bash
# Refreshes README's screenshots (docs/screenshots/) from the end-to-end tests.
#
# The tests write their screenshots into the build folder (build/PRESET/screenshots) on every
# run and never touch the tree. This script runs them with a fixed clock (faketime: every kiosk
# starts at the same moment) and fixed reference codes (DC_FIXED_REFERENCE_CODES=1), so the same
# screen gives the same PNG byte for byte; then it copies into docs/screenshots only the images
# whose screens changed, and says which.
#   scripts/screenshots.sh            the dev preset
#   KIOSK_PRESET=ci scripts/screenshots.sh
# The office console's pictures (console-*.png, status-from-office-ka.png) come from its browser
# test, which runs without faketime (Chromium and Xvfb do not start under it); they show times
# and device ids, so they are copied by hand from build/PRESET/screenshots when the pages change.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh
preset="${KIOSK_PRESET:-dev}"
cmake --preset "$preset" >/dev/null
cmake --build --preset "$preset"
build="build/$preset"
shots="$build/screenshots"
rm -rf "$shots"
mkdir -p "$shots"

libfaketime=$(dpkg -L libfaketime | grep -m1 '/libfaketime.so.1$')
# Only the wall clock is fixed: frames, timeouts and waits run on the monotonic clock as usual.
# One test at a time, so no two kiosks race for the same moment.
env LD_PRELOAD="$libfaketime" FAKETIME="@2026-11-30 10:00:00" FAKETIME_DONT_FAKE_MONOTONIC=1 \
    DC_FIXED_REFERENCE_CODES=1 DC_FIXED_TEMP_NAMES=1 \
    ctest --test-dir "$build" -R '^e2e:' --output-on-failure

changed=0
for png in "$shots"/*.png; do
  name=$(basename "$png")
  if ! cmp -s "$png" "docs/screenshots/$name"; then
    cp "$png" "docs/screenshots/$name"
    echo "screenshots: $name changed"
    changed=$((changed + 1))
  fi
done
for png in docs/screenshots/*.png; do
  case "$(basename "$png")" in console-*|status-from-office-*) continue ;; esac
  [ -e "$shots/$(basename "$png")" ] || echo "screenshots: docs/screenshots/$(basename "$png") is made by no test"
done
echo "screenshots: $changed changed of $(ls "$shots"/*.png | wc -l)"
