#!/usr/bin/env bash
# Installs the npm packages of the JSON Resume tests (schema validators and
# a theme) into tests/json-resume/node_modules, exactly as the lock file
# lists them.
set -euo pipefail
cd "$(dirname "$0")"
if ! command -v npm >/dev/null; then
  echo "error: npm is missing; run scripts/install-deps.sh" >&2
  exit 1
fi
# Another build's test run may already have installed the same lock file.
stamp=node_modules/.installed-lock
if [ -f "$stamp" ] && cmp -s package-lock.json "$stamp"; then
  exit 0
fi
npm ci --no-audit --no-fund --loglevel=error
cp package-lock.json "$stamp"
