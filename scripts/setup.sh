#!/usr/bin/env bash
# Installs every build and test dependency from Debian's packages.
# Idempotent and non-interactive: installs only what is missing.
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config
  libboost-dev libboost-system-dev
  libcpp-httplib-dev nlohmann-json3-dev libcli11-dev libssl-dev
  libgtest-dev libgmock-dev googletest libbenchmark-dev
  # The serving programs' allocator (CMakeLists.txt: TIERSIM_JEMALLOC).
  libjemalloc-dev
  # Test tools: schema validation, JUnit consumer, XML well-formedness,
  # YAML (deploy/kubernetes/validate.sh reads the manifests).
  python3 python3-jsonschema python3-junitparser libxml2-utils python3-yaml
  # Real clients of the served mocks: MSAL and an OAuth library for Azure AD,
  # curl for smoke checks.
  python3-msal python3-authlib python3-requests curl
  # The fuzzers (clang's libFuzzer) and the peers the benchmarks measure
  # against: wrk (HTTP), Postfix's smtp-sink/smtp-source (SMTP).
  clang wrk postfix
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
# Postfix is wanted only for its smtp-sink/smtp-source tools: no mail
# system is configured and no daemon is meant to run.
echo "postfix postfix/main_mailer_type select No configuration" |
  $SUDO debconf-set-selections
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
