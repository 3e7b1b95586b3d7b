#!/usr/bin/env bash
# clang-tidy 14 over ponte's sources with the curated .clang-tidy, using the
# compile database of build/ (run scripts/setup.sh first). Pass files to check
# only those. Usage: scripts/tidy.sh [FILES...]
set -euo pipefail
cd "$(dirname "$0")/.."
if [ $# -eq 0 ]; then
  mapfile -t files < <(git ls-files 'src/*.cc' | grep -v '_test.cc$' | grep -v '/fuzz/')
else
  files=("$@")
fi
clang-tidy-14 -p build --quiet "${files[@]}"
