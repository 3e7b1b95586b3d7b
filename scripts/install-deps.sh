#!/usr/bin/env bash
# Installs every Debian package ponte builds, tests and benchmarks with.
# Idempotent: safe to run again; apt skips what is already there.
set -euo pipefail

packages=(
  # toolchain
  build-essential cmake ninja-build pkg-config git ca-certificates python3
  clang-14 libclang-rt-14-dev clang-format-14 clang-tidy-14
  # core libraries
  libsqlite3-dev libsqlitecpp-dev libcli11-dev libfmt-dev libspdlog-dev
  nlohmann-json3-dev libxlsxwriter-dev libicu-dev tzdata
  # engines
  libcadical-dev coinor-libcbc-dev libstemmer-dev libopencc-dev
  wordnet-base  # English lemmas of WordNet 3.0, for the optional cross-lingual bridge
  # server and portal
  libboost1.81-dev libsodium-dev libkainjow-mustache-dev
  # PostgreSQL backend
  libpqxx-dev postgresql-15
  # tests and benchmarks
  libgtest-dev libgmock-dev librapidcheck-dev libbenchmark-dev
  wrk nginx-light chromium
  fonts-wqy-microhei  # a CJK font, so that Chinese pages render in the browser tests
)

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

# Node.js and npm fetch the front-end and text-analysis packages pinned in
# package-lock.json. Debian's nodejs is enough; a newer one already installed
# is kept.
if ! command -v npm >/dev/null 2>&1; then
  missing+=(nodejs npm)
fi

if [ ${#missing[@]} -gt 0 ]; then
  echo "ponte: installing ${#missing[@]} Debian packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -q
  $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
fi
