#!/usr/bin/env bash
# Installs every build and test dependency from Debian's packages.
# Idempotent and non-interactive: installs only what is missing.
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config
  libboost-dev libboost-system-dev
  libcpp-httplib-dev nlohmann-json3-dev libcli11-dev libssl-dev
  libgtest-dev libgmock-dev googletest libbenchmark-dev
  # Test tools: schema validation, JUnit consumer, XML well-formedness.
  python3 python3-jsonschema python3-junitparser libxml2-utils
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "setup: all ${#packages[@]} packages present"
  exit 0
fi

echo "setup: installing ${missing[*]}"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
