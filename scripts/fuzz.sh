#!/usr/bin/env bash
# Runs every fuzz target (tests/fuzz/fuzz_*.cpp) under libFuzzer with AddressSanitizer and
# UndefinedBehaviorSanitizer for SECONDS each (default 60), starting from its corpus in
# tests/fuzz/corpus/TARGET, and prints the executions and findings per target.
#   scripts/fuzz.sh            60 s per target
#   scripts/fuzz.sh 600        10 minutes per target
#   scripts/fuzz.sh --runs 10000000 [TARGET...]   until each target has run that many inputs
# Builds with clang 16 in build/fuzz. libstdc++ 12's <expected> is guarded by __cpp_concepts >=
# 202002L; clang 16 implements what it needs (P0848, conditionally trivial special members) but
# still advertises 201907L, so the build says so itself (clang 14 lacks the feature). New inputs
# libFuzzer finds stay in build/fuzz/corpus/TARGET; a crash leaves its input in build/fuzz/ and
# the script exits 1. The test suite runs the same targets through a GCC build and a
# deterministic mutation driver (tests/fuzz/standalone_main.cpp) instead.
set -euo pipefail
cd "$(dirname "$0")/.."
usage() { echo "usage: scripts/fuzz.sh [SECONDS] | --runs N [TARGET...]" >&2; exit 2; }
seconds="${1:-60}"
limit=(-max_total_time="$seconds")
only=()
if [ "${1:-}" = "--runs" ]; then
  runs_wanted="${2:-}"
  case "$runs_wanted" in ''|*[!0-9]*) usage ;; esac
  limit=(-runs="$runs_wanted")
  seconds="-"
  shift 2
  only=("$@")
fi
case "$seconds" in ''|*[!0-9-]*) usage ;; esac

bash scripts/setup.sh
bash scripts/setup.sh --fuzz
build=build/fuzz
cmake -S . -B "$build" -DCMAKE_C_COMPILER=clang-16 -DCMAKE_CXX_COMPILER=clang++-16 \
      -DCMAKE_CXX_FLAGS="-U__cpp_concepts -D__cpp_concepts=202002L -Wno-builtin-macro-redefined" \
      -DCMAKE_BUILD_TYPE=RelWithDebInfo -DKIOSK_BUILD_OTHER_PLATFORM=OFF -DKIOSK_FUZZ=ON >/dev/null

targets=()
for source in tests/fuzz/fuzz_*.cpp; do
  name=$(basename "$source" .cpp)
  if [ "${#only[@]}" -gt 0 ] && ! printf '%s\n' "${only[@]}" | grep -qx "${name#fuzz_}"; then
    continue
  fi
  targets+=("$name")
done
cmake --build "$build" --parallel 2 --target "${targets[@]}"

failed=0
printf '| target | seconds | executions | corpus | findings |\n|---|---:|---:|---:|---|\n'
for target in "${targets[@]}"; do
  short=${target#fuzz_}
  corpus="$build/corpus/$short"
  mkdir -p "$corpus"
  log="$build/$target.log"
  status=0
  started=$(date +%s)
  (cd "$build" && "./tests/$target" "${limit[@]}" -print_final_stats=1 \
      "corpus/$short" "$PWD/../../tests/fuzz/corpus/$short") >"$log" 2>&1 || status=$?
  runs=$(grep -m1 'stat::number_of_executed_units' "$log" | awk '{print $2}')
  found="none"
  if [ "$status" -ne 0 ]; then
    found="crash (exit $status): see $log"
    failed=1
  fi
  took=$(( $(date +%s) - started ))
  printf '| %s | %s | %s | %s | %s |\n' "$short" "$took" "${runs:-?}" "$(ls "$corpus" | wc -l)" "$found"
done
exit "$failed"
