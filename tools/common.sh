#!/usr/bin/env bash
# Shared by tools/run.sh and tools/test.sh: go to the repo root, install the
# Debian 12 packages that are missing, configure and build into build/.
# Source this file; do not run it.

CHOKEPOINT_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$CHOKEPOINT_ROOT"

CHOKEPOINT_PACKAGES=(
  cmake g++ ninja-build pkg-config
  libimgui-dev libglfw3-dev libfmt-dev nlohmann-json3-dev
  libgtest-dev libgmock-dev libcli11-dev libstb-dev libbenchmark-dev
  fonts-dejavu-core gettext
  xvfb xauth xdotool mesa-utils imagemagick parallel clang
  python3 python3-jsonschema python3-dev pybind11-dev
  python3-numpy python3-pandas python3-pytest python3-matplotlib
)

# Prints the packages from CHOKEPOINT_PACKAGES that are not installed.
missing_packages() {
  local pkg status
  for pkg in "${CHOKEPOINT_PACKAGES[@]}"; do
    status="$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)"
    if [[ "$status" != "install ok installed" ]]; then
      echo "$pkg"
    fi
  done
}

ensure_packages() {
  local missing
  mapfile -t missing < <(missing_packages)
  if [[ ${#missing[@]} -eq 0 ]]; then
    return 0
  fi
  echo "==> Installing missing Debian packages: ${missing[*]}"
  local sudo=()
  if [[ "$(id -u)" -ne 0 ]]; then
    if ! command -v sudo >/dev/null 2>&1; then
      echo "error: need root or sudo to install: ${missing[*]}" >&2
      exit 1
    fi
    sudo=(sudo)
  fi
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
}

# configure_and_build BUILD_DIR [extra cmake args...]
configure_and_build() {
  local dir="$1"
  shift
  cmake -S . -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=Release "$@"
  cmake --build "$dir" -j2
}
