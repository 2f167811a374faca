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

# The QA scenario library, with its summary on the terminal (ctest above has
# already required it to pass; this prints what a QA engineer reads).
echo "== QA suite: tiersim run scenarios/qa"
"build/${presets[0]}/harness/tiersim" run scenarios/qa \
  --junit "build/${presets[0]}/qa-junit.xml" --html "build/${presets[0]}/qa.html"
