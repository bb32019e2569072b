#!/usr/bin/env bash
# Runs the whole test suite (built already) and, when it fails, repeats every failing test and expectation at
# the end of the output: a CI log that keeps only its tail still names what failed.
#
# ParityServiceTests run in a second process of their own: Swift Testing runs synchronous tests on the cooperative
# pool, one blocked thread each, and that pool has a thread per core. Beside the other targets' hundreds of synchronous
# tests, the service tests' async services (schedulers, captures, HTTP handlers) stood still for minutes while their
# deadlines ran (CI, 2026-12-06).
# Usage: scripts/run-tests.sh [extra `swift test` flags]
set -uo pipefail
cd "$(dirname "$0")/.."
log=$(mktemp "${TMPDIR:-/tmp}/parity-test.XXXXXX")
trap 'rm -f "$log"' EXIT
"${SWIFT:-swift}" test --skip-build --disable-xctest --skip '^ParityServiceTests\.' "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
"${SWIFT:-swift}" test --skip-build --disable-xctest --filter '^ParityServiceTests\.' "$@" 2>&1 | tee -a "$log"
service=${PIPESTATUS[0]}
if [ "$status" -eq 0 ]; then status=$service; fi
if [ "$status" -ne 0 ]; then
  echo
  echo "== failed (swift test exited $status); each failing test and the issue it recorded:"
  grep -E '^✘' "$log" | grep -v '^✘ Test run with' | head -80
fi
exit "$status"
