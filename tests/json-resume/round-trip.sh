#!/usr/bin/env bash
# round-trip.sh TOOLS_DIR INPUT FLAVOR: JSON Resume -> json2cv -> CV YAML ->
# cv2json -> JSON Resume must give back the input, compared as parsed JSON.
# Empty strings, arrays and objects in the input mean "absent" and are
# dropped before comparing, as the writer never writes them.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
tools=$1 input=$2 flavor=$3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$tools/json2cv" "$input" -o "$work/cv.yaml"
"$tools/cv2json" --strict --flavor "$flavor" "$work/cv.yaml" -o "$work/out.json"
node -e '
  const fs = require("fs");
  const assert = require("assert");
  const prune = (v) => {
    if (Array.isArray(v)) {
      const a = v.map(prune).filter((x) => x !== undefined);
      return a.length ? a : undefined;
    }
    if (v !== null && typeof v === "object") {
      const o = {};
      for (const [k, x] of Object.entries(v)) {
        const p = prune(x);
        if (p !== undefined) o[k] = p;
      }
      return Object.keys(o).length ? o : undefined;
    }
    return v === "" || v === null ? undefined : v;
  };
  const input = prune(JSON.parse(fs.readFileSync(process.argv[1], "utf8")));
  const output = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
  try {
    assert.deepStrictEqual(output, input);
  } catch (e) {
    console.error(e.message);
    process.exit(1);
  }
' "$input" "$work/out.json" || { echo "--- CV YAML:"; cat "$work/cv.yaml"; exit 1; }
