#!/usr/bin/env bash
# Build Chokepoint and open the dashboard on the default scenario.
# Extra arguments go to the dashboard, e.g. tools/run.sh --screenshot shot.png
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

ensure_packages
configure_and_build build

cmd=(build/chokepoint --scenario scenarios/baseline.json "$@")
if [[ -z "${DISPLAY:-}" ]]; then
  for arg in "$@"; do
    if [[ "$arg" == "--screenshot" || "$arg" == --screenshot=* ]]; then
      cmd=(xvfb-run -a -s "-screen 0 1920x1080x24" "${cmd[@]}")
      break
    fi
  done
fi
exec "${cmd[@]}"
