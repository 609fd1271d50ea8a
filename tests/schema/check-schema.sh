#!/usr/bin/env bash
# Checks CVs against schema/cv.schema.json with ajv-cli and compares the
# verdict with cvconvert validate.
#   check-schema.sh install
#       installs ajv-cli with npm ci and compiles the schema in strict mode
#   check-schema.sh valid CVCONVERT FILE...
#       every FILE must pass both the schema and cvconvert
#   check-schema.sh invalid CVCONVERT FILE...
#       every FILE must fail both, except those named in
#       known-differences.txt, which must fail cvconvert and pass the schema
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
schema="$here/../../schema/cv.schema.json"
mode=$1
if [ "$mode" = install ]; then
  cd "$here" && npm ci --no-audit --no-fund --loglevel=error || exit 1
  # ajv's strict mode rejects unknown keywords and misplaced constraints.
  exec node_modules/.bin/ajv compile --spec=draft7 --allow-union-types \
    -s "$schema"
fi
cvconvert=$2
shift 2

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
node "$here/yaml-to-json.mjs" "$work" "$@" > "$work/not-yaml.txt" || exit 1

# One ajv run checks every file: it prints "FILE valid" or "FILE invalid"
# and the errors of each.
"$here/node_modules/.bin/ajv" validate --spec=draft7 --allow-union-types \
  --errors=line -s "$schema" -d "$work/*.json" > "$work/ajv.txt" 2>&1

failures=0
for file in "$@"; do
  name=$(basename "$file")
  if grep -qxF "$work/$name.json valid" "$work/ajv.txt"; then
    schema_status=0
  else
    schema_status=1
  fi
  "$cvconvert" validate -q "$file" > /dev/null 2> "$work/cvconvert.txt"
  cvconvert_status=$?

  if [ "$mode" = valid ]; then
    expected_schema=0
    expected_cvconvert=0
  elif grep -qx "$name" <(grep -v '^#' "$here/known-differences.txt" | cut -d' ' -f1); then
    expected_schema=0
    expected_cvconvert=1
  else
    expected_schema=1
    expected_cvconvert=1
  fi
  if [ "$((schema_status != 0))" -ne "$expected_schema" ]; then
    echo "FAIL: $file: the schema gives status $schema_status, expected" \
      "$([ "$expected_schema" = 1 ] && echo rejection || echo acceptance)"
    grep -F -A1 "$work/$name.json" "$work/ajv.txt"
    grep -F "$file:" "$work/not-yaml.txt"
    failures=$((failures + 1))
  fi
  if [ "$cvconvert_status" -ne "$expected_cvconvert" ]; then
    echo "FAIL: $file: cvconvert validate exits $cvconvert_status," \
      "expected $expected_cvconvert"
    cat "$work/cvconvert.txt"
    failures=$((failures + 1))
  fi
done
echo "$# files checked, $failures failures"
[ "$failures" -eq 0 ]
