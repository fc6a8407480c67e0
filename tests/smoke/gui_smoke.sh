#!/usr/bin/env bash
# GUI smoke test: the real dashboard binary in a virtual X server.
#   gui_smoke.sh BINARY SCENARIO OUTDIR
# Checks that --screenshot writes a 1280x720 PNG that is not one flat colour, and that a
# missing scenario with --screenshot exits non-zero. Never touches the user's config.
set -euo pipefail

if [[ $# -ne 3 ]]; then
  echo "usage: $0 BINARY SCENARIO OUTDIR" >&2
  exit 2
fi
binary="$1"
scenario="$2"
outdir="$3"

fail() { echo "FAIL: $*" >&2; exit 1; }

mkdir -p "$outdir"
tmp_home="$(mktemp -d)"
trap 'rm -rf "$tmp_home"' EXIT
export HOME="$tmp_home"
export XDG_CONFIG_HOME="$tmp_home/config"
export XDG_DATA_HOME="$tmp_home/data"

xvfb=(xvfb-run -a -s "-screen 0 1920x1080x24")
shot="$outdir/shot.png"
rm -f "$shot"

echo "== screenshot of $scenario"
"${xvfb[@]}" "$binary" --scenario "$scenario" --screenshot "$shot" --frames 5 --size 1280x720 \
  || fail "chokepoint exited with status $?"
[[ -s "$shot" ]] || fail "no screenshot at $shot"

size="$(identify -format '%wx%h' "$shot")"
[[ "$size" == "1280x720" ]] || fail "screenshot is $size, expected 1280x720"

colours="$(identify -format '%k' "$shot")"
(( colours > 1 )) || fail "screenshot is one flat colour"
echo "ok: $shot is $size with $colours colours"

echo "== missing scenario must fail"
set +e
"${xvfb[@]}" "$binary" --scenario "$outdir/does-not-exist.json" --screenshot "$outdir/missing.png" \
  --frames 1 --size 320x240 2>"$outdir/missing.stderr"
status=$?
set -e
(( status != 0 )) || fail "missing scenario exited 0"
grep -q "does-not-exist.json" "$outdir/missing.stderr" || fail "stderr does not name the missing file"
[[ ! -e "$outdir/missing.png" ]] || fail "a screenshot was written for a missing scenario"
echo "ok: missing scenario exited $status: $(cat "$outdir/missing.stderr")"

[[ -z "$(ls -A "$XDG_CONFIG_HOME" 2>/dev/null)" ]] || fail "screenshot mode wrote to the config dir"
echo "PASS"
