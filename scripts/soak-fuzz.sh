#!/usr/bin/env bash
# The pgoutput fuzz run of `make soak`: builds Fuzz/PgoutputFuzz with the LogicalReplication sources under libFuzzer
# and AddressSanitizer (LeakSanitizer included), then runs INPUTS inputs from the seeds in SEEDS (made by
# `parity-soak seeds`; the working corpus starts empty each run), each input bounded to 10 s, the run to MINUTES
# and 2 GB; fails on a crash, a leak, a slow input, fewer inputs than asked, or a resident set that doubled between
# the first and the last 1M-input sample.
# Usage: scripts/soak-fuzz.sh SEEDS [INPUTS] [MINUTES]
set -euo pipefail
seeds=$1
inputs=${2:-10000000}
minutes=${3:-120}
work=.build/soak-fuzz
rm -rf "$work/corpus"
mkdir -p "$work/corpus"
flags=(-O -sanitize=fuzzer,address -parse-as-library -swift-version 6)
swiftc "${flags[@]}" -module-name LogicalReplication -emit-library -static -emit-module \
  -emit-module-path "$work/LogicalReplication.swiftmodule" -o "$work/libLogicalReplication.a" \
  $(find Sources/LogicalReplication -name '*.swift' | sort)
swiftc "${flags[@]}" -I "$work" -L "$work" -lLogicalReplication Fuzz/PgoutputFuzz/*.swift -o "$work/pgoutput-fuzz" 2>&1 \
  | { grep -v "Cannot export local symbol '__asan" || true; }

start=$(date +%s)
log="$work/fuzz.log"
set +e
"$work/pgoutput-fuzz" "$work/corpus" "$seeds" -runs="$inputs" -max_len=8192 -timeout=10 -rss_limit_mb=2048 \
  -max_total_time=$((minutes * 60)) -print_final_stats=1 -artifact_prefix="$work/" >"$log" 2>&1
status=$?
set -e
seconds=$(( $(date +%s) - start ))
ran=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
peak=$(sed -n 's/^stat::peak_rss_mb: *//p' "$log")
samples=$(awk '/^rss-sample/ { printf "%s%d M: %d MB", sep, $2 / 1000000, $3; sep = ", " }' "$log")
first=$(awk '/^rss-sample/ { print $3; exit }' "$log")
last=$(awk '/^rss-sample/ { value = $3 } END { print value }' "$log")
grep -E '^(INFO: (seed|Loaded)|#[0-9]+ +(INITED|DONE))' "$log" || true
echo "pgoutput fuzz: exit $status, ${ran:-0} inputs in ${seconds} s, peak RSS ${peak:-?} MB; RSS every 1M inputs: ${samples:-none}"
if [ "$status" -ne 0 ]; then
  tail -n 60 "$log"
  echo "pgoutput fuzz FAILED: libFuzzer exited $status (the input that failed is in $work/, the log in $log)"
  exit 1
fi
if [ "${ran:-0}" -lt "$inputs" ]; then
  echo "pgoutput fuzz FAILED: ${ran:-0} inputs run of $inputs within $minutes minutes"
  exit 1
fi
if [ -n "$first" ] && [ "$last" -gt $((first * 2)) ]; then
  echo "pgoutput fuzz FAILED: the resident set grew from $first MB to $last MB"
  exit 1
fi
echo "pgoutput fuzz PASSED"
