#!/usr/bin/env bash
# Checks that every name in src/ and tests/ follows the naming rules of .clang-tidy (types
# CamelCase, functions camelBack, variables, parameters and members lower_case, private and
# protected members ending in _, constants kCamelCase); fails naming each one that does not.
# It parses every file of a configured build (BUILD_DIR, default build/, which must hold
# compile_commands.json): about 6 minutes on 2 cores, so tools/test.sh leaves it out.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
build="${BUILD_DIR:-build}"
command -v run-clang-tidy >/dev/null || { echo "clang-tidy is not installed (Debian package clang-tidy)" >&2; exit 1; }
[[ -f "$build/compile_commands.json" ]] || { echo "$build/compile_commands.json is missing: configure the build first" >&2; exit 1; }
root="$(pwd)"
out="$(run-clang-tidy -p "$build" -quiet -header-filter="$root/(src|tests)/.*" "$root/(src|tests)/" 2>/dev/null || true)"
warnings="$(sed 's/\x1b\[[0-9;]*m//g' <<<"$out" | grep -E 'warning: invalid case style' | sort -u || true)"
if [[ -n "$warnings" ]]; then
  echo "$warnings"
  echo "$(wc -l <<<"$warnings") names break the naming rules of .clang-tidy" >&2
  exit 1
fi
echo "every name follows the naming rules of .clang-tidy"
