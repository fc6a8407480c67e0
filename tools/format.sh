#!/usr/bin/env bash
# Formats the C++ sources with the repository's .clang-format, or with --check fails (and
# names the files) when one is not formatted. tools/test.sh and ctest (code_format) check.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
command -v clang-format >/dev/null || { echo "clang-format is not installed (Debian package clang-format)" >&2; exit 1; }
mapfile -t files < <(git ls-files '*.cpp' '*.h' 2>/dev/null || find src tests -name '*.cpp' -o -name '*.h')
if [[ "${1:-}" == "--check" ]]; then
  clang-format --dry-run -Werror "${files[@]}"
  echo "${#files[@]} C++ files formatted as .clang-format says"
else
  clang-format -i "${files[@]}"
fi
