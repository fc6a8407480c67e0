#!/usr/bin/env bash
# No lost work, with the real dashboard in a virtual X server.
#   session_restore.sh BINARY SCENARIO OUTDIR
# 1. Starts chokepoint with --lever changes (an edit) under a temp XDG_DATA_HOME, waits for
#    the autosave to write session.json, resizes the window to 200x150, 1x1 and back (it
#    must survive), then kills it with SIGKILL.
# 2. --screenshot --restore-session yes --print-levers: the levers are back, and the
#    screenshot run wrote nothing.
# 3. An interactive start only offers the session: the crashed file stays untouched until
#    the user chooses (here SIGTERM ends it while the prompt is open).
# 4. --restore-session no discards it; a SIGTERM without unsaved edits ends cleanly
#    ("clean_exit": true) and the next start has nothing to offer.
set -euo pipefail

if [[ $# -ne 3 ]]; then
  echo "usage: $0 BINARY SCENARIO OUTDIR" >&2
  exit 2
fi
if [[ -z "${CHOKEPOINT_IN_XVFB:-}" ]]; then  # one X server for every step (xdotool needs it)
  CHOKEPOINT_IN_XVFB=1 exec xvfb-run -a -s "-screen 0 1920x1080x24" bash "$0" "$@"
fi
binary="$1"
scenario="$2"
outdir="$3"

pid=""
fail() {
  echo "FAIL: $*" >&2
  [[ -n "$pid" ]] && kill -9 "$pid" 2>/dev/null
  exit 1
}

mkdir -p "$outdir"
tmp_home="$(mktemp -d)"
trap '[[ -n "$pid" ]] && kill -9 "$pid" 2>/dev/null; rm -rf "$tmp_home"' EXIT
export HOME="$tmp_home"
export XDG_CONFIG_HOME="$tmp_home/config"
export XDG_DATA_HOME="$tmp_home/data"
session="$XDG_DATA_HOME/chokepoint/session.json"

# Waits up to $2 seconds for the condition in $1 (a command string).
wait_for() {
  local cond="$1" limit="$2" i
  for ((i = 0; i < limit * 10; ++i)); do
    if eval "$cond"; then return 0; fi
    sleep 0.1
  done
  return 1
}

alive() { kill -0 "$pid" 2>/dev/null; }

echo "== 1. edit, autosave, resize, kill -9"
"$binary" --scenario "$scenario" --size 1280x720 \
  --lever us.remote_access_control=on --lever cn.nvidia_guidance=0.9@2026-01 \
  >"$outdir/run1.out" 2>"$outdir/run1.err" &
pid=$!
wait_for "[[ -s '$session' ]]" 30 || fail "no session.json after 30 s"
grep -q '"clean_exit": false' "$session" || fail "session not marked unclean: $(cat "$session")"
grep -q '"us.remote_access_control": "on"' "$session" || fail "lever missing: $(cat "$session")"
echo "ok: autosaved $(wc -c <"$session") bytes"

wid="$(xdotool search --sync --pid "$pid" 2>/dev/null | head -1)"
[[ -n "$wid" ]] || fail "no window for pid $pid"
for size in "200 150" "1 1" "1280 720"; do
  xdotool windowsize "$wid" $size
  sleep 0.7
  alive || fail "chokepoint died after resizing to $size: $(tail -5 "$outdir/run1.err")"
  xdotool getwindowgeometry "$wid" | grep -q "Geometry: ${size/ /x}" \
    || fail "the window was not resized to $size: $(xdotool getwindowgeometry "$wid")"
  echo "ok: alive at $size"
done
kill -9 "$pid"
wait "$pid" 2>/dev/null || true
pid=""
cp "$session" "$outdir/crashed_session.json"

echo "== 2. next start restores (--restore-session yes, --screenshot)"
before="$(sha256sum "$session")"
"$binary" --scenario "$scenario" --screenshot "$outdir/restored.png" --frames 3 --size 1280x720 \
  --restore-session yes --print-levers >"$outdir/run2.out" 2>"$outdir/run2.err" \
  || fail "restore run exited $?: $(cat "$outdir/run2.err")"
cat "$outdir/run2.out"
grep -qx "us.remote_access_control=on" "$outdir/run2.out" || fail "remote access lever not restored"
grep -qx "cn.nvidia_guidance=0.9@2026-01" "$outdir/run2.out" || fail "dated lever not restored"
grep -q "Restored the last session" "$outdir/run2.err" || fail "no restore message: $(cat "$outdir/run2.err")"
[[ "$(sha256sum "$session")" == "$before" ]] || fail "--screenshot wrote the session file"
[[ -s "$outdir/restored.png" ]] || fail "no screenshot of the restored session"
echo "ok: levers restored; screenshot mode left the session alone"

echo "== 3. an interactive start offers and keeps the crashed session until the user chooses"
"$binary" --scenario "$scenario" --size 800x600 --print-levers >"$outdir/run3.out" 2>"$outdir/run3.err" &
pid=$!
sleep 3.5  # longer than the autosave delay
alive || fail "chokepoint died with the restore prompt open: $(tail -5 "$outdir/run3.err")"
kill -TERM "$pid"
wait "$pid" || fail "SIGTERM exit status $?"
pid=""
[[ ! -s "$outdir/run3.out" ]] || fail "levers changed without the user choosing: $(cat "$outdir/run3.out")"
[[ "$(sha256sum "$session")" == "$before" ]] || fail "the crashed session was overwritten before a choice"
echo "ok: still on offer"

echo "== 4. --restore-session no discards; SIGTERM without edits is a clean exit"
"$binary" --scenario "$scenario" --size 800x600 --restore-session no >/dev/null 2>"$outdir/run4.err" &
pid=$!
wait_for "! grep -q us.remote_access_control '$session'" 30 || fail "the discarded session was not replaced"
kill -TERM "$pid"
wait "$pid" || fail "SIGTERM exit status $?"
pid=""
grep -q '"clean_exit": true' "$session" || fail "no clean-exit mark: $(cat "$session")"
"$binary" --scenario "$scenario" --screenshot "$outdir/clean.png" --frames 2 --size 640x480 \
  --restore-session yes --print-levers >"$outdir/run5.out" 2>&1 || fail "clean restart exited $?"
[[ ! -s "$outdir/run5.out" ]] || fail "a clean exit offered levers: $(cat "$outdir/run5.out")"
echo "ok: clean exit marked, nothing restored"
echo "PASS"
