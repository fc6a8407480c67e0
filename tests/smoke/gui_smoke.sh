#!/usr/bin/env bash
# GUI smoke test: the real dashboard binary in a virtual X server.
#   gui_smoke.sh BINARY SCENARIO OUTDIR
# Checks that --screenshot writes a 1280x720 PNG of the full dashboard (charts: many
# colours, not one flat colour), that --lang uk, --ui-scale, --lever, --presenter, --uncertainty, --tab and --compare shots work, that a bad
# --lever or a missing scenario exits non-zero, that a bad --link says why once, that --bench-frames prints its figures
# (idle frames per second included), and that --help lists the flags while a bad flag
# exits 2 naming it and the reason. Never touches the user's config.
set -euo pipefail

if [[ $# -ne 3 ]]; then
  echo "usage: $0 BINARY SCENARIO OUTDIR" >&2
  exit 2
fi
binary="$1"
scenario="$2"
outdir="$3"


mkdir -p "$outdir"
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
trap 'rm -rf "$tmp_home"' EXIT
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
# The error panel or an empty window has a few dozen colours; charts with anti-aliased
# lines and filled areas have thousands.
(( colours > 500 )) || fail "screenshot has only $colours colours: no charts drawn?"
echo "ok: $shot is $size with $colours colours"

echo "== --lang uk (and a bad language)"
"${xvfb[@]}" "$binary" --scenario "$scenario" --lang uk --screenshot "$outdir/uk.png" --frames 3 --size 1280x720 \
  || fail "--lang uk exited with status $?"
[[ -s "$outdir/uk.png" ]] || fail "no screenshot with --lang uk"
if "${xvfb[@]}" "$binary" --scenario "$scenario" --lang xx --screenshot "$outdir/xx.png" --frames 1 2>/dev/null; then
  fail "--lang xx was accepted"
fi
echo "ok: --lang uk draws, --lang xx is refused"

echo "== --ui-scale 1.5 (a high-DPI screen): the 1280x720 layout in 1920x1080 pixels"
scaled="$outdir/scaled.png"
"${xvfb[@]}" "$binary" --scenario "$scenario" --ui-scale 1.5 --screenshot "$scaled" --frames 5 --size 1920x1080 \
  || fail "--ui-scale 1.5 exited with status $?"
[[ "$(identify -format '%wx%h' "$scaled")" == "1920x1080" ]] || fail "no 1920x1080 shot with --ui-scale 1.5"
(( $(identify -format '%k' "$scaled") > 500 )) || fail "the --ui-scale 1.5 shot has no charts"
if "${xvfb[@]}" "$binary" --scenario "$scenario" --ui-scale 9 --screenshot "$outdir/x9.png" --frames 1 2>/dev/null; then
  fail "--ui-scale 9 was accepted"
fi
echo "ok: $scaled; --ui-scale 9 is refused"

echo "== changed levers and presenter mode"
changed="$outdir/changed.png"
"${xvfb[@]}" "$binary" --scenario "$scenario" --screenshot "$changed" --frames 5 --size 1280x720 \
  --lever us.remote_access_control=on --lever cn.nvidia_guidance=0.9@2026-01 --presenter \
  || fail "chokepoint with --lever --presenter exited with status $?"
[[ "$(identify -format '%wx%h' "$changed")" == "1280x720" ]] || fail "no 1280x720 shot with --lever"
cmp -s "$shot" "$changed" && fail "the changed scenario looks exactly like the baseline"
echo "ok: $changed"

echo "== uncertainty bands"
bands="$outdir/bands.png"
"${xvfb[@]}" "$binary" --scenario "$scenario" --screenshot "$bands" --frames 3 --size 1280x720 \
  --uncertainty --uncertainty-runs 20 || fail "chokepoint with --uncertainty exited with status $?"
[[ "$(identify -format '%wx%h' "$bands")" == "1280x720" ]] || fail "no 1280x720 shot with --uncertainty"
cmp -s "$shot" "$bands" && fail "the bands changed nothing on screen"
echo "ok: $bands"

echo "== the Explain tab, the Sensitivity tab and the Compare scenarios window"
for view in "--tab explain" "--tab sensitivity" "--compare"; do
  pic="$outdir/view_${view//[- ]/}.png"
  # shellcheck disable=SC2086
  "${xvfb[@]}" "$binary" --scenario "$scenario" --screenshot "$pic" --frames 5 --size 1280x720 \
    --lever us.remote_access_control=on --lever cn.nvidia_guidance=0.9@2026-01 $view \
    || fail "chokepoint with $view exited with status $?"
  [[ "$(identify -format '%wx%h' "$pic")" == "1280x720" ]] || fail "no 1280x720 shot with $view"
  cmp -s "$changed" "$pic" && fail "$view changed nothing on screen"
  echo "ok: $pic"
done

echo "== bad --lever must fail"
set +e
"${xvfb[@]}" "$binary" --scenario "$scenario" --screenshot "$outdir/bad.png" --frames 1 --size 320x240 \
  --lever no.such_lever=on 2>"$outdir/bad.stderr"
status=$?
set -e
(( status == 2 )) || fail "bad --lever exited $status, expected 2"
grep -q "no.such_lever" "$outdir/bad.stderr" || fail "stderr does not name the bad lever"
echo "ok: bad lever exited $status: $(cat "$outdir/bad.stderr")"

echo "== --bench-frames"
bench="$("${xvfb[@]}" "$binary" --scenario "$scenario" --size 1280x720 --bench-frames 24)" \
  || fail "--bench-frames exited with status $?"
grep -q "median frame ms" <<<"$bench" || fail "no frame time in: $bench"
grep -q "lever edit -> results on screen" <<<"$bench" || fail "no latency in: $bench"
grep -qE "^idle: .* frames drawn per second" <<<"$bench" || fail "no idle frames per second in: $bench"
echo "$bench"

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

echo "== a bad share link says why once, headless and on screen"
set +e
"${xvfb[@]}" "$binary" --link '#scenario=nonexistent' --screenshot "$outdir/badlink.png" --frames 1 \
  >"$outdir/badlink.out" 2>&1
status=$?
# On screen (its own config and data folders): the dashboard opens the baseline; ended after a few seconds.
XDG_CONFIG_HOME="$tmp_home/link_config" XDG_DATA_HOME="$tmp_home/link_data" timeout 6 \
  "${xvfb[@]}" "$binary" --link '#scenario=nonexistent' --size 640x480 >"$outdir/badlink_ui.out" 2>&1
set -e
(( status != 0 )) || fail "a bad link in screenshot mode exited 0"
for out in badlink badlink_ui; do
  lines="$(grep -c "Bad link" "$outdir/$out.out" || true)"
  [[ "$lines" == 1 ]] || fail "$out: the bad link is reported $lines times: $(cat "$outdir/$out.out")"
  grep -q "no library scenario 'nonexistent'" "$outdir/$out.out" || fail "$out: the reason is missing"
done
echo "ok: $(head -1 "$outdir/badlink.out")"

echo "== the command line: help, and bad flags exit 2 naming the flag and the reason"
help="$("$binary" --help)" || fail "--help exited with status $?"
for flag in --scenario --screenshot --lever --link --lang --story-card --bench-idle --restore-session; do
  grep -q -- "$flag" <<<"$help" || fail "--help does not list $flag"
done
bad_flag() {  # ARGS... EXPECTED: exit 2, stderr has EXPECTED and the hint
  local expected="${*: -1}"
  set +e
  "$binary" "${@:1:$#-1}" >"$outdir/flag.stdout" 2>"$outdir/flag.stderr"
  local status=$?
  set -e
  (( status == 2 )) || fail "'${*:1:$#-1}' exited $status, expected 2"
  grep -qF -- "$expected" "$outdir/flag.stderr" || fail "'${*:1:$#-1}': stderr lacks '$expected': $(cat "$outdir/flag.stderr")"
  grep -q "Try 'chokepoint --help'" "$outdir/flag.stderr" || fail "'${*:1:$#-1}': no hint on stderr"
  [[ ! -s "$outdir/flag.stdout" ]] || fail "'${*:1:$#-1}' wrote to standard output"
}
bad_flag --bogus "unknown option '--bogus'"
bad_flag --lever nonsense "--lever: expected ID=VALUE or ID=VALUE@YYYY-MM, got 'nonsense'"
bad_flag --size 10x10 "--size: expected WIDTHxHEIGHT with each side from 64 to 16384, got '10x10'"
bad_flag --scenario --frames 3 "--scenario: needs a file name"
bad_flag --presenter=yes "--presenter takes no value"
bad_flag --lang xx "--lang"
echo "ok: --help lists the flags; bad flags exit 2 with the flag and the reason"

[[ -z "$(ls -A "$XDG_CONFIG_HOME" 2>/dev/null)" ]] || fail "screenshot mode wrote to the config dir"
[[ -z "$(ls -A "$XDG_DATA_HOME" 2>/dev/null)" ]] || fail "screenshot mode wrote to the data dir (session)"
echo "PASS"
