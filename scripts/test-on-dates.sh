#!/usr/bin/env bash
# Runs the calendar-sensitive suites (gate, monthly, demo, business months, cycle calendar) with the clock on other
# dates: the last day of a month, the first day of one, and 29 February 2028 (UTC), or the dates given.
#
# It moves the machine's clock (`date -s`), so it runs only as root in a disposable machine or container and only
# with PARITY_MOVE_SYSTEM_CLOCK=1; the clock is put back from the monotonic clock when it exits. A per-process fake
# clock (libfaketime's LD_PRELOAD) is not enough: with it loaded, the test binary runs no swift-testing test at all
# (0 tests, exit 0; swift 6.3.1, libfaketime 0.9.10), so every process here (the tests, the parity binary, the
# throwaway PostgreSQL servers) shares the moved clock instead. Needs `swift build --build-tests` first.
# Usage: PARITY_MOVE_SYSTEM_CLOCK=1 scripts/test-on-dates.sh ["YYYY-MM-DD HH:MM:SS" ...]
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${PARITY_MOVE_SYSTEM_CLOCK:-}" != 1 ] || [ "$(id -u)" -ne 0 ]; then
  echo "this moves the machine's clock: run it as root in a disposable machine with PARITY_MOVE_SYSTEM_CLOCK=1" >&2
  exit 2
fi
binary=$(find .build -path '*debug/ParityPackageTests.xctest' -type f -print -quit)
[ -n "$binary" ] || { echo "build the tests first: swift build --build-tests" >&2; exit 2; }
filter='GateScenarioTests|DemoTests|Monthly|RoundingScenarioTests|BusinessMonthTests|CycleCalendarTests|Gate'
dates=("$@")
[ ${#dates[@]} -gt 0 ] || dates=("2026-11-30 12:00:00" "2027-01-01 00:30:00" "2028-02-29 12:00:00")

real_start=$(date -u +%s.%N)
uptime_start=$(cut -d' ' -f1 /proc/uptime)
restore() {
  local uptime_now
  uptime_now=$(cut -d' ' -f1 /proc/uptime)
  date -u -s "@$(echo "$real_start + $uptime_now - $uptime_start" | bc)" >/dev/null
  echo "== clock restored: $(date -u '+%Y-%m-%d %H:%M:%S') UTC"
}
trap restore EXIT

status=0
for moved in "${dates[@]}"; do
  date -u -s "$moved" >/dev/null
  echo "== clock moved to $(date -u '+%Y-%m-%d %H:%M:%S') UTC"
  if ! "$binary" --testing-library swift-testing --filter "$filter"; then
    status=1
  fi
done
exit $status
