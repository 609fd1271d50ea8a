#!/usr/bin/env bash
# validate.sh FILE...: checks each JSON Resume file with ajv-cli (format
# checks on, through ajv-formats) against the v1.0.0 schema shipped here and
# against the current @jsonresume/schema from npm.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
ajv="$here/node_modules/.bin/ajv"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The v1.0.0 schema declares draft-04, which ajv 8 reads through the
# draft-07 rules; the keywords it uses mean the same in both drafts.
node -e '
  const fs = require("fs");
  const schema = JSON.parse(fs.readFileSync(process.argv[1], "utf8"));
  delete schema["$schema"];
  fs.writeFileSync(process.argv[2], JSON.stringify(schema));
' "$here/schema-v1.0.0.json" "$work/v1.0.0.json"

status=0
for file in "$@"; do
  # ajv-cli picks the parser by extension.
  cp "$file" "$work/resume.json"
  for schema in "$work/v1.0.0.json" \
      "$here/node_modules/@jsonresume/schema/schema.json"; do
    if ! "$ajv" validate --spec=draft7 --strict=false --all-errors \
        -c ajv-formats -s "$schema" -d "$work/resume.json" >"$work/out" 2>&1;
    then
      echo "$file: invalid against $(basename "$schema"):" >&2
      cat "$work/out" >&2
      status=1
    fi
  done
done
exit $status
