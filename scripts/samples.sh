#!/usr/bin/env bash
# The main job: installs what is missing, builds cvconvert, and converts
# every CV in samples/ into out/ as LaTeX and as PDF.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh
cmake --preset release >/dev/null
cmake --build --preset release -j"$(nproc)" >/dev/null

mkdir -p out
for cv in samples/*.yaml; do
  name=$(basename "$cv" .yaml)
  build/tools/cv2latex "$cv" -o "out/$name.tex"
  build/tools/cv2latex "$cv" --pdf -o "out/$name.pdf"
  echo "out/$name.tex out/$name.pdf"
done
