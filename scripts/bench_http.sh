#!/usr/bin/env bash
# HTTP figure of issue 4: the Partner Center order endpoint (POST
# /v1/customers/{id}/orders with a bearer token, one line) against a bare
# cpp-httplib "hello" server configured the same way, both under
# `wrk -t2 -c64`, alternating, in one run on this machine. Budget: the order
# endpoint reaches >= 60% of hello's requests per second.
#
#   scripts/bench_http.sh            (DURATION=10 seconds per round, ROUNDS=2)
# Needs: a Release build (made here), wrk, curl, python3. Loopback only.
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${DURATION:-10}
ROUNDS=${ROUNDS:-2}

cmake --preset release >/dev/null
cmake --build --preset release --target tiersim hello_server >/dev/null
bin=build/release
tmp=$(mktemp -d)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$tmp"
}
trap cleanup EXIT

wait_for() {  # FILE PATTERN
  for _ in $(seq 100); do
    grep -q "$2" "$1" 2>/dev/null && return 0
    sleep 0.1
  done
  echo "bench_http: timed out waiting for '$2' in $1" >&2
  cat "$1" >&2
  exit 1
}

rps() {  # wrk output -> requests per second
  awk '/Requests\/sec/ {print $2}'
}

# The baseline.
"$bin/tests/bench/http/hello_server" 0 >"$tmp/hello.out" &
pids+=($!)
wait_for "$tmp/hello.out" "http://"
hello_url=$(head -1 "$tmp/hello.out")

# The world: a provider with a customer (scenarios/load/order_benchmark_world.json).
"$bin/tiersim" serve --partner-center-port 0 --aad-port 0 \
  --pmc-port 0 --smtp-port 0 --mail-api-port 0 \
  --world scenarios/load/order_benchmark_world.json >"$tmp/serve.out" 2>&1 &
pids+=($!)
wait_for "$tmp/serve.out" "Press Ctrl-C"
pc=$(awk '/Partner Center/ {print $3}' "$tmp/serve.out" | sed 's|/v1$||')
aad=$(awk '/Azure AD/ {print $3}' "$tmp/serve.out" | sed 's|/{tenant}/v2.0$||')
ca=$(awk '/CA certificate/ {print $3}' "$tmp/serve.out")

TOKEN=$(curl -sf --cacert "$ca" "$aad/organizations/oauth2/v2.0/token" \
  -d grant_type=password -d client_id=7e57a1d0-0000-4000-9000-000000000001 \
  --data-urlencode "scope=https://api.partnercenter.microsoft.com/.default" \
  -d username=admin@contoso.onmicrosoft.com --data-urlencode 'password=Sim-Passw0rd!' |
  python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])')
CUSTOMER=$(curl -sf "$pc/v1/customers" -H "Authorization: Bearer $TOKEN" |
  python3 -c 'import json,sys; print(json.load(sys.stdin)["items"][0]["id"])')
export TOKEN CUSTOMER

echo "wrk -t2 -c64 -d${DURATION}s, $ROUNDS rounds, alternating"
hello_total=0
order_total=0
for round in $(seq "$ROUNDS"); do
  h=$(wrk -t2 -c64 -d"${DURATION}s" "$hello_url/hello" | rps)
  o=$(wrk -t2 -c64 -d"${DURATION}s" -s tests/bench/http/order.lua "$pc" | rps)
  echo "round $round: hello $h req/s, order $o req/s"
  hello_total=$(python3 -c "print($hello_total + $h)")
  order_total=$(python3 -c "print($order_total + $o)")
done
orders=$(curl -sf "$pc/_tiersim/counts" | python3 -c 'import json,sys; print(json.load(sys.stdin)["core"]["orders"])')
python3 - "$hello_total" "$order_total" "$ROUNDS" "$orders" <<'PY'
import sys
hello, order, rounds, orders = float(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
print(f"hello (bare httplib):      {hello / rounds:10.0f} req/s")
print(f"order endpoint:            {order / rounds:10.0f} req/s  ({orders} orders placed)")
ratio = order / hello
print(f"order / hello:             {ratio:10.1%}  (budget >= 60%: {'met' if ratio >= 0.6 else 'NOT met'})")
PY
