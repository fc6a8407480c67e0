#!/usr/bin/env bash
# Idle dashboard smoke test: the real binary in a virtual X server, left alone for 10 s
# after its results are in (--bench-idle 10). Checks that it exits 0 and prints the CPU
# time it used and the frames it drew, in the documented format. The figures are printed
# for the record, never compared with a threshold (the machine may be busy).
#   idle_smoke.sh BINARY SCENARIO
set -euo pipefail

if [[ $# -ne 2 ]]; then
  echo "usage: $0 BINARY SCENARIO" >&2
  exit 2
fi
binary="$1"
scenario="$2"

source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
trap 'rm -rf "$tmp_home"' EXIT

echo "== --bench-idle 10"
out="$("${xvfb[@]}" "$binary" --scenario "$scenario" --size 1920x1080 --bench-idle 10)" \
  || fail "--bench-idle exited with status $?"
echo "$out"
line="$(grep -E '^idle: [0-9]+\.[0-9] s after results, CPU [0-9]+\.[0-9]{2}% of one core, [0-9]+\.[0-9]{2} frames drawn per second \([0-9]+ frames\)$' <<<"$out")" \
  || fail "no idle report in the expected format in: $out"
seconds="$(sed -E 's/^idle: ([0-9.]+) s.*/\1/' <<<"$line")"
awk -v s="$seconds" 'BEGIN { exit !(s >= 10.0 && s < 30.0) }' || fail "measured $seconds s, expected about 10"

echo "== --bench-idle needs a number"
set +e
"$binary" --bench-idle soon >/dev/null 2>&1
status=$?
set -e
(( status == 2 )) || fail "--bench-idle soon exited $status, expected 2"
echo "ok"
