#!/usr/bin/env bash
# Build Chokepoint and run every test (unit, headless UI, CLI, GUI smoke under Xvfb, the
# browser build in headless Chromium).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

ensure_packages

echo "==> Code format (.clang-format)"
"$CHOKEPOINT_ROOT/tools/format.sh" --check

echo "==> Release build and tests (build/)"
configure_and_build build
# The browser build, so that ctest's browser_test loads it in headless Chromium (a few
# minutes from clean, seconds after a change).
"$CHOKEPOINT_ROOT/tools/web.sh"
ctest --test-dir build --output-on-failure -j2

# ---- sanitizer pass --------------------------------------------------------
# The same suite built with AddressSanitizer + UndefinedBehaviorSanitizer (preset
# debug-asan). The GUI smoke test is left out here: the system OpenGL driver is not
# instrumented and reports its own leaks; it ran above in the release pass.
echo "==> Sanitizer build and tests (build-asan/: ASan + UBSan)"
cmake --preset debug-asan
cmake --build --preset debug-asan
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ctest --preset debug-asan -E gui_smoke

echo "==> All tests passed"
