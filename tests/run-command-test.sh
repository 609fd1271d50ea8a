#!/usr/bin/env bash
# Runs one command test. A test file has one directive a line:
#   run: COMMAND          a shell command, run in a fresh temporary folder
#                         with the tools on PATH and $SRC the source tree
#   stdin: TEXT           a line of standard input (repeatable)
#   exit: N               the expected exit status
#   stdout: TEXT          a string stdout must contain (repeatable)
#   stderr: TEXT          a string stderr must contain (repeatable)
#   stderr-not: TEXT      a string stderr must not contain (repeatable)
#   stdout-empty:         stdout must be empty
#   stderr-empty:         stderr must be empty
#   file: PATH            a file that must exist afterwards (repeatable)
#   no-file: PATH         a file that must not exist afterwards (repeatable)
#   unchanged: PATH TEXT  a file written with TEXT before the run must still
#                         hold TEXT afterwards
# Lines starting with '#' are comments.
set -uo pipefail
test_file=$1
tools=$2
SRC=$(cd "$(dirname "$0")/.." && pwd)
export SRC
export PATH="$tools:$PATH"
export NO_COLOR=1

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

command=""
stdin=""
expected_exit=0
declare -a checks=()
while IFS= read -r line || [ -n "$line" ]; do
  case "$line" in
    '#'*|'') continue ;;
    run:*) command=${line#run: } ;;
    stdin:*) stdin+="${line#stdin: }"$'\n' ;;
    exit:*) expected_exit=${line#exit: } ;;
    unchanged:*)
      spec=${line#unchanged: }
      path=${spec%% *}
      text=${spec#* }
      mkdir -p "$work/$(dirname "$path")"
      printf '%s' "$text" > "$work/$path"
      checks+=("$line") ;;
    *) checks+=("$line") ;;
  esac
done < "$test_file"

cd "$work"
printf '%s' "$stdin" | bash -c "$command" > "$work/.stdout" 2> "$work/.stderr"
status=$?

failures=0
fail() {
  echo "FAIL: $1"
  failures=$((failures + 1))
}

[ "$status" -eq "$expected_exit" ] || fail "exit status $status, expected $expected_exit"
for check in "${checks[@]}"; do
  value=${check#*: }
  case "$check" in
    stdout:*) grep -qF -- "$value" .stdout || fail "stdout lacks: $value" ;;
    stderr:*) grep -qF -- "$value" .stderr || fail "stderr lacks: $value" ;;
    stderr-not:*) ! grep -qF -- "$value" .stderr || fail "stderr has: $value" ;;
    stdout-empty:*) [ ! -s .stdout ] || fail "stdout is not empty" ;;
    stderr-empty:*) [ ! -s .stderr ] || fail "stderr is not empty" ;;
    file:*) [ -e "$value" ] || fail "missing file: $value" ;;
    no-file:*) [ ! -e "$value" ] || fail "unexpected file: $value" ;;
    unchanged:*)
      path=${value%% *}
      text=${value#* }
      [ "$(cat "$path")" = "$text" ] || fail "$path was changed" ;;
    *) fail "unknown directive: $check" ;;
  esac
done

if [ "$failures" -gt 0 ]; then
  echo "--- command: $command"
  echo "--- stdout:"; head -c 4000 .stdout
  echo "--- stderr:"; head -c 4000 .stderr
  exit 1
fi
exit 0
