#!/usr/bin/env bash
# Builds everything and runs the whole test suite through CTest (unit, integration and
# end-to-end tests under Xvfb). Installs what it needs first. CI runs this via .ci/run.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh

# CI builds with warnings as errors; developers get the same code with warnings shown.
preset="${KIOSK_PRESET:-dev}"
if [ "${CI:-}" = "true" ]; then preset="${KIOSK_PRESET:-ci}"; fi

cmake --preset "$preset"
cmake --build --preset "$preset"
ctest --preset "$preset"
