#!/usr/bin/env bash
# Installs the Debian 12 packages that cvconvert needs to build, run and
# test, skipping those already installed. Runs apt-get as root, or through
# sudo when it is available.
set -euo pipefail

packages=(
  # build, and clang with libFuzzer for the fuzz target
  build-essential cmake pkg-config clang libclang-rt-14-dev
  libcmark-dev libpugixml-dev libyaml-dev libboost-program-options-dev
  libicu-dev catch2 nlohmann-json3-dev libkainjow-mustache-dev
  # pdflatex with moderncv, its icons and the fonts and scripts it uses
  texlive-latex-base texlive-latex-recommended texlive-latex-extra
  texlive-fonts-extra texlive-fonts-recommended lmodern cm-super
  texlive-xetex texlive-luatex
  texlive-lang-other texlive-lang-greek texlive-lang-cyrillic
  latex-cjk-common latex-cjk-chinese-arphic-gbsn00lp latex-cjk-japanese-wadalab
  # checks on the outputs, with yaml-cpp as a second YAML parser
  poppler-utils qpdf cmark cmark-gfm libyaml-cpp-dev
  # benchmarks: Google Benchmark, process timing and pandoc for a ratio
  libbenchmark-dev hyperfine pandoc time
  # the HTML page: an HTML5 checker, a headless browser and PNG decoding
  tidy chromium libpng-dev
  # ajv-cli, which checks CVs against the editor schema
  nodejs
)
# Node.js and npm run the JSON Resume schema checks and theme. A Node.js
# from elsewhere that ships its own npm is kept: Debian's npm package
# would conflict with it.
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  packages+=(nodejs npm)
fi

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null |
      grep -q 'install ok installed'; then
    missing+=("$package")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "Installing: ${missing[*]}" >&2
sudo=()
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null; then
    sudo=(sudo)
  else
    echo "error: these packages are missing and this user cannot install" \
      "them: ${missing[*]}" >&2
    exit 1
  fi
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
# Recommends would pull in Java and double TeX Live's size.
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
