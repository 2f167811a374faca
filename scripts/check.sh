#!/usr/bin/env bash
# The one command: set up, build and run every test, in the `ci` preset
# (warnings are errors) and again in the `asan` preset (ASan + UBSan); then
# the integration tests under ThreadSanitizer and a short run of every
# libFuzzer target; then the QA suite's summary.
#   scripts/check.sh            all of it
#   scripts/check.sh ci         one preset only
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh

# The test programs labelled `integration` (tiersim_add_test ... LABELS).
integration_targets=(partner_center_server_tests pmc_server_tests
  served_world_tests aad_server_tests mail_server_integration_tests
  http_plumbing_tests harness_transport_tests http_server_tests
  serve_attack_tests)

presets=("$@")
if [ ${#presets[@]} -eq 0 ]; then presets=(ci asan); fi

for preset in "${presets[@]}"; do
  echo "== preset $preset: configure, build, test"
  cmake --preset "$preset" >/dev/null
  cmake --build --preset "$preset"
  ctest --preset "$preset"
done

# The defaults also run the integration tests (real sockets, many threads)
# under ThreadSanitizer, and each libFuzzer target for a short while.
if [ $# -eq 0 ]; then
  echo "== preset tsan: integration tests under ThreadSanitizer"
  cmake --preset tsan >/dev/null
  cmake --build --preset tsan --target "${integration_targets[@]}"
  ctest --preset tsan -L integration
  # TSan must see the server layer: a deliberate race in a handler is
  # reported (the run fails with TSan's report), else this check fails.
  cmake --build --preset tsan --target http_race_canary
  TSAN_OPTIONS="halt_on_error=1" build/tsan/tests/mocks/http/http_race_canary \
    > build/tsan/race_canary.log 2>&1 || true
  if ! grep -q "ThreadSanitizer: data race" build/tsan/race_canary.log; then
    echo "check: ThreadSanitizer did not report the deliberate race" >&2
    cat build/tsan/race_canary.log >&2
    exit 1
  fi
  echo "tsan: the deliberate race in a handler was reported, as it must be"
  echo "== tsa: clang's thread-safety analysis on the served code"
  cmake -S . -B build/tsa -G Ninja -DCMAKE_BUILD_TYPE=Debug \
    -DCMAKE_CXX_COMPILER=clang++ -DTIERSIM_BUILD_TESTS=OFF \
    -DCMAKE_CXX_FLAGS="-Wthread-safety -Werror=thread-safety" >/dev/null
  cmake --build build/tsa --target tiersim_world tiersim_mail_server \
    tiersim_aad_protocol tiersim_aad_server tiersim_http \
    tiersim_partner_center_server tiersim_pmc_server tiersim_serve
  # The analysis is on: a deliberate unguarded read must not compile.
  if clang++ -std=c++20 -I. -Wthread-safety -Werror=thread-safety \
      -fsyntax-only tests/tsa/unguarded_access.cc 2>/dev/null; then
    echo "check: -Wthread-safety did not catch tests/tsa/unguarded_access.cc" >&2
    exit 1
  fi
  echo "tsa: annotated mutexes checked; the deliberate violation was caught"
  echo "== fuzz: ${TIERSIM_FUZZ_SECONDS:-15}s per target"
  bash scripts/fuzz.sh "${TIERSIM_FUZZ_SECONDS:-15}"
fi

# The QA scenario library, with its summary on the terminal (ctest above has
# already required it to pass; this prints what a QA engineer reads).
echo "== QA suite: tiersim run scenarios/qa"
"build/${presets[0]}/tiersim" run scenarios/qa \
  --junit "build/${presets[0]}/qa-junit.xml" --html "build/${presets[0]}/qa.html"
