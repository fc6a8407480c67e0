#!/usr/bin/env bash
# Build Chokepoint and run every test (unit, headless UI, CLI, GUI smoke under Xvfb).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

ensure_packages

echo "==> Release build and tests (build/)"
configure_and_build build
ctest --test-dir build --output-on-failure -j2

# ---- sanitizer pass --------------------------------------------------------
# To be added: an ASan/UBSan build in build-asan/ (preset debug-asan), e.g.
#   cmake --preset debug-asan && cmake --build --preset debug-asan -j2
#   ctest --preset debug-asan -j2

echo "==> All tests passed"
