#!/usr/bin/env bash
# The foundation's tests under AddressSanitizer + UndefinedBehaviorSanitizer
# (the `debug` preset), kept lean for CI: the engines' heavy searches are left
# out here and run optimized in scripts/test.sh.
# Usage: scripts/test-sanitizers.sh
set -euo pipefail
cd "$(dirname "$0")/.."

cmake --preset debug -DPONTE_SKIP_COMPONENTS="text;match;schedule;itinerary;service;demo;api;web" >/dev/null
cmake --build --preset debug
# The demo command needs the engines, which this build leaves out.
TZ=Asia/Shanghai ctest --preset debug -j2 -E 'DemoBuildsAndSummarizes'
