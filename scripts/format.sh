#!/usr/bin/env bash
# Formats every C++ file with clang-format 14 (the version CI checks with).
set -euo pipefail
cd "$(dirname "$0")/.."
git ls-files '*.cc' '*.h' | xargs clang-format-14 -i
