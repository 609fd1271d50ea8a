#!/usr/bin/env bash
# Installs the build into a temporary prefix, checks what is there, and
# builds and runs a small project that finds the library with
# find_package(cvconvert).
# Usage: check-install.sh BUILD_DIR [sanitize|plain]
# A sanitizer build installs an instrumented library, so the consumer is
# built with the same sanitizers.
set -euo pipefail
build=$1
flags=()
if [ "${2:-plain}" = sanitize ]; then
  flags=(-DCMAKE_CXX_FLAGS="-fsanitize=address,undefined"
         -DCMAKE_EXE_LINKER_FLAGS="-fsanitize=address,undefined")
fi
here=$(cd "$(dirname "$0")" && pwd)
src=$(cd "$here/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
prefix="$work/prefix"

cmake --install "$build" --prefix "$prefix" > /dev/null
for file in bin/cvconvert bin/cv2latex bin/cv2md bin/cv2html \
    share/man/man1/cvconvert.1 share/man/man1/cv2latex.1 \
    share/man/man1/cv2md.1 share/man/man1/cv2html.1 \
    share/cvconvert/cv.schema.json share/cvconvert/templates/latex/cv.tex \
    include/cvconvert/writers.hpp lib/cmake/cvconvert/cvconvertConfig.cmake; do
  [ -e "$prefix/$file" ] || { echo "FAIL: not installed: $file"; exit 1; }
done
# Every man page is valid roff that man can format without a warning.
for page in "$prefix"/share/man/man1/*.1; do
  warnings=$(LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings -l "$page" 2>&1 >/dev/null)
  [ -z "$warnings" ] || { echo "FAIL: $page: $warnings"; exit 1; }
done

cmake -S "$here/consumer" -B "$work/consumer" \
  -DCMAKE_PREFIX_PATH="$prefix" "${flags[@]}" > "$work/configure.log" ||
  { cat "$work/configure.log"; exit 1; }
cmake --build "$work/consumer" > "$work/build.log" ||
  { cat "$work/build.log"; exit 1; }
output=$("$work/consumer/consumer" markdown < "$src/samples/minimal.yaml")
grep -q "Alex Example" <<< "$output" ||
  { echo "FAIL: the consumer's Markdown lacks the name: $output"; exit 1; }
"$prefix/bin/cvconvert" validate "$src/samples/minimal.yaml"
echo "installed and used from $prefix"
