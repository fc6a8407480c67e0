#!/usr/bin/env bash
# Classroom smoke test: story mode and workshop play in the real dashboard under Xvfb.
#   classroom_smoke.sh BINARY SOURCE_DIR OUTDIR
# Screenshots of two story cards (presenter mode) that differ; a workshop played for two
# rounds from the command line whose report (Markdown + a PNG per chart, captured from the
# GL frame) is written; a missing story and a card beyond the last exit 2. Never touches
# the user's config.
set -euo pipefail

if [[ $# -ne 3 ]]; then
  echo "usage: $0 BINARY SOURCE_DIR OUTDIR" >&2
  exit 2
fi
binary="$1"
src="$2"
outdir="$3"


rm -rf "$outdir"
mkdir -p "$outdir"
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
trap 'rm -rf "$tmp_home"' EXIT
story="$src/scenarios/stories/history_2022_2025.json"
workshop="$src/scenarios/workshops/compute_race.json"

colourful() {  # PNG of the given size with charts in it (thousands of colours)
  [[ -s "$1" ]] || fail "no picture at $1"
  [[ "$(identify -format '%wx%h' "$1")" == "$2" ]] || fail "$1 is $(identify -format '%wx%h' "$1"), expected $2"
  local colours
  colours="$(identify -format '%k' "$1")"
  (( colours > 500 )) || fail "$1 has only $colours colours: no chart drawn?"
}

echo "== story cards in presenter mode"
for card in 3 4; do
  "${xvfb[@]}" "$binary" --story "$story" --story-card "$card" --presenter \
    --screenshot "$outdir/story$card.png" --frames 5 --size 1280x720 || fail "story card $card exited $?"
  colourful "$outdir/story$card.png" 1280x720
done
cmp -s "$outdir/story3.png" "$outdir/story4.png" && fail "cards 3 and 4 look the same"
echo "ok: $outdir/story3.png, $outdir/story4.png"

echo "== workshop: two rounds and the report"
"${xvfb[@]}" "$binary" --workshop "$workshop" \
  --move 1:us_gov:us.remote_access_control=on --move 1:us_gov:us.remote_access_from=2025-01 \
  --move 2:cn_gov:cn.domestic_subsidy=0.5 --workshop-rounds 2 \
  --workshop-report "$outdir/report/class.md" --workshop-handouts "$outdir/handouts" \
  --screenshot "$outdir/workshop.png" --frames 3 --size 1280x720 || fail "workshop exited $?"
colourful "$outdir/workshop.png" 1280x720
grep -q '^## Standings' "$outdir/report/class.md" || fail "no standings in the report"
grep -q -- '--move 2:cn_gov:cn.domestic_subsidy=0.5' "$outdir/report/class.md" || fail "the report lacks round 2's move"
pictures=0
for png in "$outdir"/report/class_*.png; do
  [[ -s "$png" ]] || fail "empty picture $png"
  grep -q "($(basename "$png"))" "$outdir/report/class.md" || fail "the report does not show $png"
  pictures=$((pictures + 1))
done
(( pictures == 10 )) || fail "$pictures chart pictures, expected 10"
echo "ok: $outdir/report/class.md with $pictures pictures"
cards=$(ls "$outdir"/handouts/team_*.md 2>/dev/null | wc -l)
(( cards == 6 )) || fail "$cards team cards in $outdir/handouts, expected 6"
grep -q 'round 4' "$outdir/handouts/move_slips.md" || fail "the move slips stop before round 4"
for card in "$outdir"/handouts/team_*.md; do  # text pictures: the window's size, some shades of grey
  png="${card%.md}.png"
  [[ -s "$png" ]] || fail "no picture of $card"
  [[ "$(identify -format '%wx%h' "$png")" == 1280x720 ]] || fail "$png is not 1280x720"
  (( $(identify -format '%k' "$png") > 20 )) || fail "$png looks blank"
done
echo "ok: $outdir/handouts with $cards team cards (Markdown and PNG) and the move slips"

echo "== bad input must fail"
set +e
"${xvfb[@]}" "$binary" --story "$outdir/missing.json" --screenshot "$outdir/bad.png" --frames 1 --size 320x240 \
  2>"$outdir/missing.stderr"
status=$?
"${xvfb[@]}" "$binary" --story "$story" --story-card 99 --screenshot "$outdir/bad.png" --frames 1 --size 320x240 \
  2>"$outdir/card.stderr"
status_card=$?
set -e
(( status == 2 )) || fail "a missing story exited $status, expected 2"
grep -q "missing.json" "$outdir/missing.stderr" || fail "stderr does not name the missing story"
(( status_card == 2 )) || fail "--story-card 99 exited $status_card, expected 2"
grep -q "25 cards" "$outdir/card.stderr" || fail "stderr does not say how many cards there are"
echo "ok: bad input exited 2"
echo "PASS"
