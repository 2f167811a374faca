#!/usr/bin/env bash
# Builds the libFuzzer targets (tests/fuzz) with clang in build/fuzz and runs
# each for a while from its checked-in seed corpus.
#
#   scripts/fuzz.sh            # 20 s per target
#   scripts/fuzz.sh 300        # 5 min per target
#
# New inputs go to build/fuzz/corpus/<target>/ (not checked in); a crash
# leaves crash-<sha1> in build/fuzz/ and the script fails. Reproduce with
#   build/fuzz/<path>/<target>_fuzzer build/fuzz/crash-<sha1>
# Needs clang and its libFuzzer runtime (Debian: clang, libclang-rt-dev).
# TIERSIM_FUZZ_CMAKE_SOURCE overrides the CMake source directory (default:
# this repository).
set -euo pipefail

seconds="${1:-20}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source_dir="${TIERSIM_FUZZ_CMAKE_SOURCE:-$root}"
build="$root/build/fuzz"
# Every tests/fuzz/<name>_fuzzer.cc; those CMake does not define are skipped.
targets=()
for source in "$root"/tests/fuzz/*_fuzzer.cc; do
  name=$(basename "$source" _fuzzer.cc)
  targets+=("$name")
done

sanitizers="-fsanitize=fuzzer-no-link,address,undefined"
cmake -S "$source_dir" -B "$build" -G Ninja \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_CXX_COMPILER=clang++ \
  -DTIERSIM_BUILD_TESTS=ON \
  -DTIERSIM_BUILD_FUZZERS=ON \
  -DCMAKE_CXX_FLAGS="$sanitizers -fno-sanitize-recover=all -fno-omit-frame-pointer" \
  -DCMAKE_EXE_LINKER_FLAGS="-fsanitize=address,undefined" >/dev/null
known=$(ninja -C "$build" -t targets all 2>/dev/null)
built=()
for target in "${targets[@]}"; do
  if grep -q "^${target}_fuzzer:" <<<"$known"; then
    built+=("$target")
  else
    echo "fuzz.sh: ${target}_fuzzer is not defined in tests/fuzz/CMakeLists.txt; skipped" >&2
  fi
done
[[ ${#built[@]} -gt 0 ]] || { echo "fuzz.sh: no fuzz target defined" >&2; exit 1; }
cmake --build "$build" --target "${built[@]/%/_fuzzer}"

cd "$build"
for target in "${built[@]}"; do
  binary="$(find "$build" -type f -name "${target}_fuzzer" -perm -u+x | head -n 1)"
  if [[ -z "$binary" ]]; then
    echo "fuzz.sh: ${target}_fuzzer was not built" >&2
    exit 1
  fi
  work="$build/corpus/$target"
  mkdir -p "$work"
  corpora=("$work")
  [[ -d "$root/tests/fuzz/corpus/$target" ]] &&
    corpora+=("$root/tests/fuzz/corpus/$target")
  echo "== $target: ${seconds}s"
  "$binary" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
    -print_final_stats=1 "${corpora[@]}"
done
