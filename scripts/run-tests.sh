#!/usr/bin/env bash
# Runs the whole test suite (built already) and, when it fails, repeats every failing test and expectation at
# the end of the output: a CI log that keeps only its tail still names what failed.
# Usage: scripts/run-tests.sh [extra `swift test` flags]
set -uo pipefail
cd "$(dirname "$0")/.."
log=$(mktemp "${TMPDIR:-/tmp}/parity-test.XXXXXX")
trap 'rm -f "$log"' EXIT
"${SWIFT:-swift}" test --skip-build --disable-xctest "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
if [ "$status" -ne 0 ]; then
  echo
  echo "== failed (swift test exited $status); each failing test and the issue it recorded:"
  grep -E '^✘' "$log" | grep -v '^✘ Test run with' | head -80
fi
exit "$status"
