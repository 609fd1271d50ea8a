#!/usr/bin/env bash
# Installs what is missing, then builds and runs the whole test suite twice
# (the CMake presets `dev`, with warnings as errors, and `asan`, with
# AddressSanitizer and UndefinedBehaviorSanitizer), fuzzes the reader and
# the writers for a minute, and runs the benchmarks in their short mode so
# that they keep working.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh

jobs=$(nproc)
for preset in dev asan; do
  cmake --preset "$preset" >/dev/null
  cmake --build --preset "$preset" -j"$jobs"
  ctest --preset "$preset" -j"$jobs"
done

scripts/fuzz.sh 60
bench/run.sh --short >/dev/null
echo "benchmarks: short run passed"
