#!/usr/bin/env bash
# check.sh CV2JSON INPUT FLAVOR: writes INPUT with the flavour, checks the
# rules of every output and, for the jsonresume flavour, both schemas.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
cv2json=$1 input=$2 flavor=$3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$cv2json" --quiet --flavor "$flavor" "$input" -o "$work/out.json"
node "$here/check-output.js" "$work/out.json" "$flavor"
if [ "$flavor" = jsonresume ]; then
  "$here/validate.sh" "$work/out.json"
fi
