#!/usr/bin/env bash
# Shared by tools/run.sh and tools/test.sh: go to the repo root, install the
# Debian 12 packages that are missing, configure and build into build/.
# Source this file; do not run it.

CHOKEPOINT_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$CHOKEPOINT_ROOT"

CHOKEPOINT_PACKAGES=(
  cmake g++ ninja-build pkg-config dpkg-dev file
  libimgui-dev libglfw3-dev libfmt-dev nlohmann-json3-dev
  libgtest-dev libgmock-dev libcli11-dev libstb-dev libbenchmark-dev
  fonts-dejavu-core gettext clang-format clang-tidy
  xvfb xauth xdotool mesa-utils imagemagick parallel clang
  python3 python3-jsonschema python3-dev pybind11-dev
  python3-numpy python3-pandas python3-pytest python3-matplotlib
)

# The browser build (tools/web.sh) and its test in a real browser: emscripten builds the
# WebAssembly, dpkg-dev unpacks the imgui source package, chromium runs the test.
CHOKEPOINT_WEB_PACKAGES=(emscripten dpkg-dev chromium python3)

# Prints the packages (arguments; default CHOKEPOINT_PACKAGES) that are not installed.
missing_packages() {
  local pkg status
  local pkgs=("$@")
  [[ ${#pkgs[@]} -gt 0 ]] || pkgs=("${CHOKEPOINT_PACKAGES[@]}")
  for pkg in "${pkgs[@]}"; do
    status="$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)"
    if [[ "$status" != "install ok installed" ]]; then
      echo "$pkg"
    fi
  done
}

# ensure_packages [PKG...]: installs the missing ones (default CHOKEPOINT_PACKAGES).
ensure_packages() {
  local missing
  mapfile -t missing < <(missing_packages "$@")
  if [[ ${#missing[@]} -eq 0 ]]; then
    return 0
  fi
  echo "==> Installing missing Debian packages: ${missing[*]}"
  local sudo=()
  as_root_prefix sudo "install: ${missing[*]}"
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
}

# as_root_prefix ARRAY_NAME WHAT: fills the array with the command prefix that runs as
# root ("" when root already, else sudo); exits with a message when neither works.
as_root_prefix() {
  local -n root_prefix_ref="$1"
  root_prefix_ref=()
  if [[ "$(id -u)" -ne 0 ]]; then
    if ! command -v sudo >/dev/null 2>&1; then
      echo "error: need root or sudo to $2" >&2
      exit 1
    fi
    root_prefix_ref=(sudo)
  fi
}

# configure_and_build BUILD_DIR [extra cmake args...]
configure_and_build() {
  local dir="$1"
  shift
  cmake -S . -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=Release "$@"
  cmake --build "$dir" -j2
}
