#!/usr/bin/env bash
# theme-check.sh CV2JSON INPUT ITEMS: writes INPUT as JSON Resume, renders it
# with resumed and jsonresume-theme-even, and checks that every line of the
# file ITEMS occurs in the text of the HTML page.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
cv2json=$1 input=$2 items=$3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$cv2json" --quiet "$input" -o "$work/resume.json"
(cd "$here" && node_modules/.bin/resumed render "$work/resume.json" \
  --theme jsonresume-theme-even --output "$work/resume.html" >/dev/null)
node -e '
  const fs = require("fs");
  const html = fs.readFileSync(process.argv[1], "utf8");
  // The visible text: no scripts or styles, no tags, entities decoded,
  // blanks collapsed.
  const text = html
    .replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/g, " ")
    .replace(/<[^>]+>/g, " ")
    .replace(/&#x([0-9a-f]+);/gi, (_, h) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d) => String.fromCodePoint(Number(d)))
    .replace(/&quot;/g, "\"").replace(/&apos;/g, "\x27")
    .replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&")
    .replace(/\s+/g, " ");
  const missing = fs.readFileSync(process.argv[2], "utf8").split("\n")
    .filter((line) => line && !line.startsWith("#"))
    .filter((item) => !text.includes(item));
  if (missing.length) {
    console.error("missing from the rendered page:\n  " + missing.join("\n  "));
    process.exit(1);
  }
' "$work/resume.html" "$items"
