#!/usr/bin/env bash
# The whole suite under AddressSanitizer and UndefinedBehaviorSanitizer: the "asan" preset (GCC,
# Debug, every module instrumented). A nightly job, not every push: on a 2-core machine the build
# and the run take about three times the normal suite's time. Any finding fails the test it is
# in (halt_on_error), so a green run means none.
#   scripts/asan.sh              the whole suite
#   scripts/asan.sh -R unit      only what matches (ctest's own options)
# The log of each test is in build/asan/Testing/Temporary/LastTest.log.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
cmake --preset asan >/dev/null
cmake --build --preset asan
# Leaks: reported at exit for our code; Mesa, fontconfig and SDL keep caches for the process's
# life, listed in tests/asan/lsan.supp.
export ASAN_OPTIONS="halt_on_error=1:detect_leaks=1:detect_stack_use_after_return=0:strict_string_checks=1"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1"
export LSAN_OPTIONS="suppressions=$PWD/tests/asan/lsan.supp:print_suppressions=0"
ctest --test-dir build/asan --output-on-failure -j2 --timeout 3600 "$@"
