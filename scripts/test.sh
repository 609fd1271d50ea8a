#!/usr/bin/env bash
# Installs what is missing, then builds and runs the whole test suite twice
# (the CMake presets `dev`, with warnings as errors, and `asan`, with
# AddressSanitizer and UndefinedBehaviorSanitizer), fuzzes the reader and
# the writers with a fixed seed for 5,000 inputs, and runs the benchmarks
# in their short mode so that they keep working.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh

jobs=$(nproc)
for preset in dev asan; do
  cmake --preset "$preset" >/dev/null
  cmake --build --preset "$preset" -j"$jobs"
  ctest --preset "$preset" -j"$jobs"
done

# libFuzzer has hung here after reporting running out of memory; the
# timeout keeps CI from waiting on it.
timeout 900 scripts/fuzz.sh --ci
bench/run.sh --short >/dev/null
echo "benchmarks: short run passed"
