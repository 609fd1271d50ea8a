#!/usr/bin/env bash
# Measures cvconvert and writes docs/benchmarks.md: whole processes timed
# with hyperfine (wall time) and /usr/bin/time (peak memory) for the
# reference CV and generated CVs of 10 to 10,000 entries, pandoc on the
# same content for a ratio, the TeX passes of a PDF build, a batch build,
# and the Google Benchmark program for the library alone.
#
#   bench/run.sh           # the full run; rewrites docs/benchmarks.md
#   bench/run.sh --short   # a quick run that checks everything works (CI)
set -euo pipefail
cd "$(dirname "$0")/.."

short=0
[ "${1:-}" = "--short" ] && short=1
runs=$([ $short = 1 ] && echo 3 || echo 30)
sizes=$([ $short = 1 ] && echo "10 100" || echo "10 100 1000")
# Rounds of turns_ms for the pairs whose time ratio is a target.
rounds=$([ $short = 1 ] && echo 1 || echo 5)

cmake --preset release >/dev/null
cmake --build --preset release -j"$(nproc)" >/dev/null 2>&1
cmake -S . -B build-bench -DCMAKE_BUILD_TYPE=Release -DCVCONVERT_BENCH=ON \
  -DCVCONVERT_BUILD_TESTS=OFF >/dev/null
cmake --build build-bench -j"$(nproc)" >/dev/null 2>&1

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export XDG_CACHE_HOME="$work/cache"
tools=$PWD/build/tools
generate=$PWD/build-bench/bench/generate_cv

# Median wall time in milliseconds of a command, from hyperfine; the
# second argument, if given, sets fewer runs for slow commands. The output
# folder $work/out is removed before each run, so every run writes its
# files afresh (an unchanged output would only be touched).
median_ms() {
  if ! hyperfine --runs "${2:-$runs}" --warmup 1 -N --export-json "$work/h.json" \
      --prepare "rm -rf $work/out" "$1" >"$work/hyperfine.txt" 2>&1; then
    cat "$work/hyperfine.txt" >&2
    exit 1
  fi
  python3 -c 'import json,sys; r=json.load(open(sys.argv[1]))["results"][0];
print("%.2f" % (r["median"] * 1000))' "$work/h.json"
}

# Median wall times in milliseconds of two commands whose ratio is a
# target, timed in turns: each round runs each command three times after
# a warm-up run. A burst of load from elsewhere on a shared machine then
# slows both, instead of only the one running at the time. Prints the two
# medians.
turns_ms() {
  local rounds=$1 first=$2 second=$3 round command
  rm -f "$work/turns-1.txt" "$work/turns-2.txt"
  for round in $(seq 1 "$rounds"); do
    for command in 1 2; do
      local line=$([ $command = 1 ] && echo "$first" || echo "$second")
      if ! hyperfine --runs 3 --warmup 1 -N --export-json "$work/h.json" \
          --prepare "rm -rf $work/out" "$line" >"$work/hyperfine.txt" 2>&1; then
        cat "$work/hyperfine.txt" >&2
        exit 1
      fi
      python3 -c 'import json,sys; r=json.load(open(sys.argv[1]))["results"][0];
print("\n".join(str(t * 1000) for t in r["times"]))' "$work/h.json" \
        >>"$work/turns-$command.txt"
    done
  done
  python3 -c 'import statistics,sys
print(" ".join("%.2f" % statistics.median(float(x) for x in open(f))
               for f in sys.argv[1:]))' "$work/turns-1.txt" "$work/turns-2.txt"
}

# Peak resident memory in MiB of one run.
peak_mib() {
  /usr/bin/time -f "%M" -o "$work/time.txt" bash -c "$1" >/dev/null 2>&1
  awk '{printf "%.1f", $1 / 1024}' "$work/time.txt"
}

build_all() {
  echo "$tools/cvconvert build $1 --no-pdf -q -o $work/out"
}

report=$work/body.md
{
  echo "## Machine"
  echo
  echo "- $(nproc) cores: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
  echo "- $(free -g | awk '/Mem:/ {print $2}') GiB of memory; $(. /etc/os-release; echo "$PRETTY_NAME")"
  echo "- $(g++ --version | head -1); $(pdflatex --version | head -1); pandoc $(pandoc --version | head -1 | cut -d' ' -f2)"
  echo
  echo "## One process writes every format"
  echo
  echo "\`cvconvert build CV --no-pdf -o DIR\` reads the CV once and writes"
  echo "LaTeX, Markdown, JSON Resume and HTML; from 100 entries on, the"
  echo "writers share the cores. The tools come from the release preset,"
  echo "which links them statically, the C and C++ libraries included"
  echo "(\`CVCONVERT_STATIC_DEPS\`). Generated CVs come from"
  echo "\`generate_cv\` (a fifth publications with 1,100-character abstracts,"
  echo "a fifth jobs with three highlights, the rest talks and skills, with"
  echo "Markdown and non-ASCII text)."
  echo
  echo "| input | entries | wall (ms) | peak memory (MiB) |"
  echo "|---|---:|---:|---:|"
  reference_ms=$(median_ms "$(build_all samples/academicpages.yaml)")
  reference_mib=$(peak_mib "$(build_all samples/academicpages.yaml)")
  echo "| samples/academicpages.yaml | 14 | $reference_ms | $reference_mib |"
  declare -A size_ms
  for n in $sizes; do
    "$generate" $((n / 5)) $((n / 5)) $((n * 3 / 10)) > "$work/cv$n.yaml"
    size_ms[$n]=$(median_ms "$(build_all "$work/cv$n.yaml")" $([ "$n" -ge 1000 ] && echo 10 || echo "$runs"))
    echo "| generated | $n | ${size_ms[$n]} | $(peak_mib "$(build_all "$work/cv$n.yaml")") |"
  done
  if [ $short = 0 ]; then
    for n in 5000 10000; do
      "$generate" $((n / 5)) $((n / 5)) $((n * 3 / 10)) > "$work/cv$n.yaml"
    done
    read -r "size_ms[5000]" "size_ms[10000]" <<<"$(turns_ms "$rounds" \
      "$(build_all "$work/cv5000.yaml")" "$(build_all "$work/cv10000.yaml")")"
    for n in 5000 10000; do
      echo "| generated | $n | ${size_ms[$n]} | $(peak_mib "$(build_all "$work/cv$n.yaml")") |"
    done
  fi
  "$generate" 1000 200 0 > "$work/pubs.yaml"
  "$generate" 2000 400 0 > "$work/pubs2.yaml"
  read -r pubs_ms pubs2_ms <<<"$(turns_ms "$rounds" \
    "$(build_all "$work/pubs.yaml")" "$(build_all "$work/pubs2.yaml")")"
  pubs_mib=$(peak_mib "$(build_all "$work/pubs.yaml")")
  echo "| 1000 publications, 200 jobs | 1200 | $pubs_ms | $pubs_mib |"
  echo "| 2000 publications, 400 jobs | 2400 | $pubs2_ms | $(peak_mib "$(build_all "$work/pubs2.yaml")") |"
  echo
  echo "The CVs of 5,000 and 10,000 entries, and those of 1,200 and 2,400,"
  echo "are timed in turns ($((rounds * 3)) runs each), so that a burst of load"
  echo "from elsewhere slows both of a pair."
  echo
  if [ $short = 0 ]; then
    echo "Doubling the entries from 5,000 to 10,000 multiplies the time by"
    python3 -c "print('%.2f.' % (${size_ms[10000]} / ${size_ms[5000]}))"
    echo
  fi
  startup_ms=$(median_ms "$tools/cvconvert --version")
  echo "Start-up alone (\`cvconvert --version\`, which reads no CV and makes"
  echo "no ICU object): $startup_ms ms."
  echo

  echo "## Against pandoc"
  echo
  "$tools/cv2md" samples/academicpages.yaml > "$work/reference.md"
  pandoc_ms=$(median_ms "pandoc -f commonmark -t latex $work/reference.md -o $work/pandoc.tex")
  echo "pandoc converting the reference CV's Markdown to LaTeX"
  echo "(\`pandoc -f commonmark -t latex\`, one format) takes $pandoc_ms ms;"
  echo "cvconvert writes all four formats from the YAML in $reference_ms ms,"
  python3 -c "print('%.1f times faster.' % ($pandoc_ms / $reference_ms))"
  echo

  echo "## PDF"
  echo
  "$tools/cv2latex" samples/academicpages.yaml -o "$work/one.tex"
  rm -rf "$work/cache"
  first_ms=$(median_ms "bash -c 'rm -rf $work/cache $work/p.pdf; $tools/cv2latex samples/academicpages.yaml --pdf -o $work/p.pdf'" 5)
  cp samples/academicpages.yaml "$work/changing.yaml"
  # A pdflatex pass and a changed CV's build, in turns: their ratio is a
  # target.
  read -r one_pass_ms changed_ms <<<"$(turns_ms "$rounds" \
    "bash -c 'cd $work && pdflatex -interaction=nonstopmode -halt-on-error one.tex'" \
    "bash -c 'echo \"# \$RANDOM\$RANDOM\" >> $work/changing.yaml; sed -i \"s/AI Researcher.*/AI Researcher \$RANDOM/\" $work/changing.yaml; $tools/cv2latex $work/changing.yaml --pdf -o $work/c.pdf'")"
  "$tools/cv2latex" samples/academicpages.yaml --pdf -o "$work/same.pdf"
  same_ms=$(median_ms "$tools/cv2latex samples/academicpages.yaml --pdf -o $work/same.pdf")
  echo "| reference CV to PDF | wall (ms) |"
  echo "|---|---:|"
  echo "| one pdflatex pass on the .tex, for comparison | $one_pass_ms |"
  echo "| \`cv2latex --pdf\`, first build (no .aux yet: two passes) | $first_ms |"
  echo "| \`cv2latex --pdf\` after a change (the kept .aux: one pass) | $changed_ms |"
  echo "| \`cv2latex --pdf\`, nothing changed (no TeX run) | $same_ms |"
  echo
  python3 -c "print('A changed CV costs %.2f times one pdflatex pass.' % ($changed_ms / $one_pass_ms))"
  echo
  echo "Both times include a shell, and the \"after a change\" time the"
  echo "\`sed\` that edits the CV before each run. The two are timed in turns"
  echo "($((rounds * 3)) runs each)."
  echo

  echo "## Batch"
  echo
  count=$([ $short = 1 ] && echo 8 || echo 200)
  mkdir -p "$work/batch"
  for i in $(seq 1 "$count"); do cp samples/academicpages.yaml "$work/batch/cv$i.yaml"; done
  batch_ms=$(median_ms "$tools/cvconvert build $(echo "$work"/batch/*.yaml) --no-pdf -q -o $work/out")
  echo "\`cvconvert build\` of $count CVs (the reference CV, all formats, no PDF)"
  echo "on $(nproc) cores: $batch_ms ms,"
  python3 -c "print('%.0f CVs per second.' % ($count / ($batch_ms / 1000)))"
  echo

  echo "## The library alone"
  echo
  echo "Google Benchmark, \`build-bench/bench/bench_convert\` (in-process,"
  echo "so no start-up): reading, each writer and all formats, by entries."
  echo
  echo '```'
  min_time=$([ $short = 1 ] && echo 0.01 || echo 0.5)
  build-bench/bench/bench_convert --benchmark_min_time="$min_time" 2>/dev/null |
    grep -E '^(BM_|Benchmark|-)'
  echo '```'
  echo
  echo "## Reproduce"
  echo
  echo '```sh'
  echo 'scripts/install-deps.sh && apt-get install hyperfine pandoc'
  echo 'bench/run.sh'
  echo '```'
} > "$report"

# The targets, checked against the figures above.
verdict() { python3 -c "import sys; print('met' if $1 else 'not met')"; }
pandoc_ratio=$(python3 -c "print('%.1f' % ($pandoc_ms / $reference_ms))")
pass_ratio=$(python3 -c "print('%.2f' % ($changed_ms / $one_pass_ms))")
pubs_ratio=$(python3 -c "print('%.2f' % ($pubs2_ms / $pubs_ms))")
# Both doublings count: 1,200 to 2,400 entries, and in the full run also
# 5,000 to 10,000 generated entries.
growth="$pubs_ratio times (1,200 to 2,400)"
worst_ratio=$pubs_ratio
if [ $short = 0 ]; then
  big_ratio=$(python3 -c "print('%.2f' % (${size_ms[10000]} / ${size_ms[5000]}))")
  growth="$growth, $big_ratio times (5,000 to 10,000)"
  worst_ratio=$(python3 -c "print(max($pubs_ratio, $big_ratio))")
fi
final=$work/benchmarks.md
{
  echo "# Benchmarks"
  echo
  echo "Written by \`bench/run.sh$([ $short = 1 ] && echo " --short")\` on"
  echo "$(date -u +%Y-%m-%d). Medians of $runs runs (hyperfine, wall time),"
  echo "or of $((rounds * 3)) for the pairs timed in turns and fewer for other"
  echo "large CVs and TeX runs; peak memory of one run"
  echo "(\`/usr/bin/time -f %M\`)."
  echo
  echo "| target | measured | |"
  echo "|---|---|---|"
  echo "| reference CV to all four formats in one process: at most 5 ms | $reference_ms ms | $(verdict "$reference_ms <= 5") |"
  echo "| reference CV: at least 8 times faster than pandoc | $pandoc_ratio times | $(verdict "$pandoc_ratio >= 8") |"
  echo "| reference CV: at most 16 MiB | $reference_mib MiB | $(verdict "$reference_mib <= 16") |"
  echo "| 1000 publications and 200 jobs: at most 50 ms | $pubs_ms ms | $(verdict "$pubs_ms <= 50") |"
  echo "| 1000 publications and 200 jobs: at most 64 MiB | $pubs_mib MiB | $(verdict "$pubs_mib <= 64") |"
  echo "| twice the entries: at most 2.1 times the time | $growth | $(verdict "$worst_ratio <= 2.1") |"
  echo "| a changed CV: at most 1.1 pdflatex passes | $pass_ratio passes | $(verdict "$pass_ratio <= 1.1") |"
  echo
  cat "$report"
} > "$final"
report=$final

if [ $short = 1 ]; then
  cat "$report"
else
  cp "$report" docs/benchmarks.md
  echo "wrote docs/benchmarks.md"
fi
