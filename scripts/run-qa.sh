#!/usr/bin/env bash
# The main job in one command, on a fresh machine: install what is missing
# (scripts/setup.sh), build the tiersim command alone in the `release`
# preset, and run the QA scenario library, printing its summary (and
# writing build/release/qa-junit.xml and build/release/qa.html).
# Independent of scripts/check.sh; extra arguments go to `tiersim run`:
#   scripts/run-qa.sh                       in process
#   scripts/run-qa.sh --transport http      through the real servers
#   scripts/run-qa.sh --tag R12 -v          a subset, every step shown
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh
cmake --preset release >/dev/null
cmake --build --preset release --target tiersim
exec build/release/tiersim run scenarios/qa \
  --junit build/release/qa-junit.xml --html build/release/qa.html "$@"
