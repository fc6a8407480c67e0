#!/usr/bin/env bash
# Install smoke test: `cmake --install` into a scratch prefix, then the installed programs,
# run from an unrelated working directory, find their scenarios and fonts under
# <prefix>/share/chokepoint (relative to bin/, not the source tree): --version names that
# folder, the CLI runs the installed baseline and its default calibration, and
# `chokepoint --screenshot` with no --scenario draws the installed baseline's dashboard.
# A copy of the prefix moved elsewhere finds its own data. With CPACK (and dpkg-deb), the
# .deb is built, unpacked into a scratch root and its programs run the same checks'
# essentials. Never touches the user's config.
#   install_smoke.sh BUILD_DIR OUTDIR [CPACK]
set -euo pipefail

if [[ $# -lt 2 || $# -gt 3 ]]; then
  echo "usage: $0 BUILD_DIR OUTDIR [CPACK]" >&2
  exit 2
fi
build="$1"
outdir="$2"
cpack="${3:-}"

rm -rf "$outdir"
mkdir -p "$outdir"
outdir="$(cd "$outdir" && pwd)"
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
work="$(mktemp -d)"  # the working directory: no scenarios/ or assets/ in it
trap 'rm -rf "$tmp_home" "$work"' EXIT
prefix="$outdir/prefix"
data="$prefix/share/chokepoint"

echo "== cmake --install $build --prefix $prefix --component chokepoint (what the .deb holds)"
cmake --install "$build" --prefix "$prefix" --component chokepoint >"$outdir/install.log" || fail "cmake --install failed (see $outdir/install.log)"
for f in bin/chokepoint bin/chokepoint-cli share/chokepoint/scenarios/baseline.json \
         share/chokepoint/scenarios/stories share/chokepoint/scenarios/workshops \
         share/chokepoint/scenarios/calibration/targets.json share/chokepoint/assets/fonts/DejaVuSans.ttf \
         share/doc/chokepoint/README.md; do
  [[ -e "$prefix/$f" ]] || fail "not installed: $f"
done
cd "$work"

echo "== --version names the installed data"
for program in chokepoint chokepoint-cli; do
  out="$("$prefix/bin/$program" --version)" || fail "$program --version exited $?"
  grep -qxF "data: $data" <<<"$out" || fail "$program does not use $data: $out"
done

echo "== chokepoint-cli levers, run and calibrate (default scenario and targets)"
# (grep reads the whole output: with pipefail, an early exit would fail the writer)
"$prefix/bin/chokepoint-cli" levers "$data/scenarios/baseline.json" | grep '^us.remote_access_control ' >/dev/null \
  || fail "levers does not list us.remote_access_control"
"$prefix/bin/chokepoint-cli" run "$data/scenarios/baseline.json" --to 2026-12 --out "$outdir/run.csv" \
  || fail "run exited $?"
[[ "$(head -1 "$outdir/run.csv")" == "month,scope,id,metric,value" ]] || fail "run.csv has no CSV header"
(( $(wc -l <"$outdir/run.csv") > 1000 )) || fail "run.csv is too short"
"$prefix/bin/chokepoint-cli" calibrate --min-share 0 >"$outdir/calibrate.txt" || fail "calibrate exited $?"
grep -qE '^[0-9]+ of [0-9]+ targets inside' "$outdir/calibrate.txt" || fail "calibrate found no targets"

echo "== chokepoint --screenshot with no --scenario: the installed baseline"
shot="$outdir/installed.png"
"${xvfb[@]}" "$prefix/bin/chokepoint" --screenshot "$shot" --frames 5 --size 1280x720 2>"$outdir/stderr.txt" \
  || fail "chokepoint exited $?: $(cat "$outdir/stderr.txt")"
grep -q "Font" "$outdir/stderr.txt" && fail "fonts not found: $(cat "$outdir/stderr.txt")"
[[ "$(identify -format '%wx%h' "$shot")" == "1280x720" ]] || fail "no 1280x720 screenshot at $shot"
colours="$(identify -format '%k' "$shot")"
# The welcome screen (no scenario found) has a few dozen colours; charts have thousands.
(( colours > 500 )) || fail "$shot has only $colours colours: no scenario found?"
echo "ok: $shot, $colours colours"

echo "== a moved copy finds its own data"
cp -a "$prefix" "$outdir/moved"
out="$("$outdir/moved/bin/chokepoint-cli" --version)"
grep -qxF "data: $outdir/moved/share/chokepoint" <<<"$out" || fail "the moved copy does not use its own data: $out"
echo "ok"

if [[ -z "$cpack" ]] || ! command -v dpkg-deb >/dev/null; then
  echo "skipped: the .deb (no cpack or dpkg-deb)"
  exit 0
fi
echo "== cpack -G DEB, dpkg -x into a scratch root"
"$cpack" --config "$build/CPackConfig.cmake" -G DEB -B "$outdir/deb" >"$outdir/cpack.log" \
  || fail "cpack failed (see $outdir/cpack.log)"
debs=("$outdir"/deb/chokepoint_*.deb)
[[ -f "${debs[0]}" ]] || fail "no chokepoint_*.deb in $outdir/deb"
[[ "$(dpkg-deb -f "${debs[0]}" Package)" == chokepoint ]] || fail "the .deb is not named chokepoint"
echo "Depends: $(dpkg-deb -f "${debs[0]}" Depends)"
dpkg-deb -x "${debs[0]}" "$outdir/root"
root_data="$outdir/root/usr/share/chokepoint"
out="$("$outdir/root/usr/bin/chokepoint" --version)" || fail "the packaged chokepoint --version exited $?"
grep -qxF "data: $root_data" <<<"$out" || fail "the packaged chokepoint does not use $root_data: $out"
"$outdir/root/usr/bin/chokepoint-cli" levers "$root_data/scenarios/baseline.json" | grep '^us.remote_access_control ' >/dev/null \
  || fail "the packaged chokepoint-cli does not list the levers"
echo "ok: ${debs[0]} ($(stat -c %s "${debs[0]}") bytes)"
