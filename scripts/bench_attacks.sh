#!/usr/bin/env bash
# Figures of issue 10 on a Release `tiersim serve`: the server's memory
# before and after each attack class (and that it still serves), and how
# many idle keep-alive connections it holds while a good client measures
# p50/p99, and what 8 full-text searches over 5,000 mails do to Partner
# Center and SMTP delivery beside them (scripts/bench_attacks.py).
#
#   scripts/bench_attacks.sh            (IDLE=10000 connections)
# Needs: a Release build (made here), python3, wrk. Loopback only.
set -euo pipefail
cd "$(dirname "$0")/.."
IDLE=${IDLE:-10000}
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true

cmake --preset release >/dev/null
cmake --build --preset release --target tiersim >/dev/null
tmp=$(mktemp -d)
build/release/tiersim serve --partner-center-port 0 --aad-port 0 \
  --pmc-port 0 --smtp-port 0 --mail-api-port 0 \
  --world scenarios/load/order_benchmark_world.json >"$tmp/serve.out" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$tmp"' EXIT
for _ in $(seq 100); do
  grep -q "Press Ctrl-C" "$tmp/serve.out" 2>/dev/null && break
  sleep 0.1
done
# Addresses, and a provider admin's token and customer (the long list).
. scripts/serve_session.sh
serve_session "$tmp/serve.out"
echo "tiersim serve (pid $pid): Partner Center $pc, mail API $mail; fd limit $(ulimit -n)"
python3 scripts/bench_attacks.py "$pid" "$pc" "$mail" "$smtp" "$IDLE"
