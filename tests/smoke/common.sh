# Sourced by the smoke scripts: a throwaway HOME (config and data folders inside it, so
# tests never touch the user's), `fail`, and the Xvfb command line.
tmp_home="$(mktemp -d)"
export HOME="$tmp_home"
export XDG_CONFIG_HOME="$tmp_home/config"
export XDG_DATA_HOME="$tmp_home/data"
xvfb=(xvfb-run -a -s "-screen 0 1920x1080x24")
fail() { echo "FAIL: $*" >&2; exit 1; }
