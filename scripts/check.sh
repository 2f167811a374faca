#!/usr/bin/env bash
# The one command: set up, build and run every test, in the `ci` preset
# (warnings are errors) and again in the `asan` preset (ASan + UBSan).
#   scripts/check.sh            both presets
#   scripts/check.sh ci         one preset
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh

presets=("$@")
if [ ${#presets[@]} -eq 0 ]; then presets=(ci asan); fi

for preset in "${presets[@]}"; do
  echo "== preset $preset: configure, build, test"
  cmake --preset "$preset" >/dev/null
  cmake --build --preset "$preset"
  ctest --preset "$preset"
done
