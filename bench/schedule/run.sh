#!/usr/bin/env bash
# The B2B scheduling benchmark of issue 3 in one command: builds schedule_bench
# and prints three Markdown tables (see bench/schedule/README.md).
#
#   bench/schedule/run.sh [build-dir]          (default: build)
#
# 1. the 20 original JAIR 2022 instances at d = 2, ponte beside CBC, 5 s each;
# 2. all 140 JAIR files at d = 2, ponte only, 5 s each (one row per file and a
#    summary per variant);
# 3. the generated Italy–China scale ladder, 300 to 30,000 meetings, 10 s each,
#    and again with a budget that grows linearly (10 s per 6,000 meetings).
#
# Time limits are CPU seconds of the solving thread (schedule_bench --clock
# cpu; CBC's limit is CPU time too): on the shared 2-core machine a wall-clock
# limit would hand each run whatever share of a core the other builds leave.
# The tables show both wall and CPU seconds.
#
# LIMIT, ALL_LIMIT and SCALE_LIMIT override the time limits (seconds).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BUILD=${1:-$ROOT/build}
LIMIT=${LIMIT:-5}
ALL_LIMIT=${ALL_LIMIT:-5}
SCALE_LIMIT=${SCALE_LIMIT:-10}

cmake --build "$BUILD" --target schedule_bench >/dev/null
BENCH="$BUILD/bench/schedule/schedule_bench"

echo "## Machine"
echo
echo "$(nproc) cores, load average at start: $(cut -d' ' -f1-3 /proc/loadavg), $(date -u '+%Y-%m-%d %H:%M UTC')"
echo
# The three parts run side by side (each on one thread, with a CPU-time
# budget per instance, so sharing the machine changes their wall times, not
# their budgets); their tables are printed in order.
OUT=$(mktemp -d /tmp/ponte-bench-schedule.XXXXXX)
trap 'rm -rf "$OUT"' EXIT
"$BENCH" jair --time-limit "$LIMIT" >"$OUT/originals.md" &
"$BENCH" jair --all --no-cbc --time-limit "$ALL_LIMIT" >"$OUT/all.md" &
"$BENCH" scale --time-limit "$SCALE_LIMIT" >"$OUT/scale.md" &
"$BENCH" scale --linear --time-limit "$SCALE_LIMIT" >"$OUT/scale_linear.md" &
wait

echo "## The 20 originals, d = 2, ${LIMIT} s (CPU) per instance, CBC beside"
echo
cat "$OUT/originals.md"
echo
echo "## All 140 files, d = 2, ${ALL_LIMIT} s (CPU) per file"
echo
cat "$OUT/all.md"
echo
echo "## Scale: generated Italy–China events, ${SCALE_LIMIT} s (CPU) per size"
echo
cat "$OUT/scale.md"
echo
echo "## Scale, budget growing linearly: ${SCALE_LIMIT} s (CPU) per 6,000 meetings"
echo
cat "$OUT/scale_linear.md"
echo
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
