#!/usr/bin/env bash
# Builds the libFuzzer target with clang and fuzzes the reader and every
# writer for SECONDS seconds (default 60), starting from the samples, the
# test cases and the regression corpus. A crashing input is left in
# build-fuzz/findings/; copy it into tests/fuzz-regressions/ once fixed, so
# that ctest replays it from then on.
#
#   scripts/fuzz.sh --ci       # the run that CI does: seed 1, 5,000 inputs,
#                              # the same every time on the same corpus
#   scripts/fuzz.sh 3600       # a long run of SECONDS seconds
set -euo pipefail
cd "$(dirname "$0")/.."
limit=(-max_total_time="${1:-60}")
if [ "${1:-}" = --ci ]; then
  limit=(-seed=1 -runs=5000)
fi

CC=clang CXX=clang++ cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCVCONVERT_FUZZ=ON -DCVCONVERT_BUILD_TESTS=OFF >/dev/null
cmake --build build-fuzz -j"$(nproc)" --target fuzz_cv >/dev/null

# Each run starts from the seeds, so that --ci sees the same corpus.
rm -rf build-fuzz/corpus
mkdir -p build-fuzz/corpus build-fuzz/findings
cp samples/*.yaml tests/cases/*.yaml tests/fuzz-regressions/* \
  tests/json-resume/academicpages-cv.json build-fuzz/corpus/
# The whole log stays in build-fuzz/fuzz.log; its end is printed.
status=0
build-fuzz/fuzz/fuzz_cv build-fuzz/corpus \
  "${limit[@]}" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
  -artifact_prefix=build-fuzz/findings/ -print_final_stats=1 \
  >build-fuzz/fuzz.log 2>&1 || status=$?
tail -n 15 build-fuzz/fuzz.log
exit "$status"
