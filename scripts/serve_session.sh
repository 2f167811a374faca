# Sourced by the benchmarks: reads where a `tiersim serve` listens from
# what it printed (file $1) and signs in as the order benchmark world's
# provider admin (scenarios/load/order_benchmark_world.json). Sets pc, aad,
# ca, mail, smtp; exports TOKEN (a Partner Center bearer token) and
# CUSTOMER (that provider's first customer).
serve_session() {
  local out=$1
  pc=$(awk '/Partner Center/ {print $3}' "$out" | sed 's|/v1$||')
  aad=$(awk '/Azure AD/ {print $3}' "$out" | sed 's|/{tenant}/v2.0$||')
  ca=$(awk '/CA certificate/ {print $3}' "$out")
  mail=$(awk '/Mail API/ {print $3}' "$out" | sed 's|/api/v1$||')
  smtp=$(awk '/^ *SMTP / {print $2}' "$out" | sed 's|.*:||')
  TOKEN=$(curl -sf --cacert "$ca" "$aad/organizations/oauth2/v2.0/token" \
    -d grant_type=password -d client_id=7e57a1d0-0000-4000-9000-000000000001 \
    --data-urlencode "scope=https://api.partnercenter.microsoft.com/.default" \
    -d username=admin@contoso.onmicrosoft.com --data-urlencode 'password=Sim-Passw0rd!' |
    python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])')
  CUSTOMER=$(curl -sf "$pc/v1/customers" -H "Authorization: Bearer $TOKEN" |
    python3 -c 'import json,sys; print(json.load(sys.stdin)["items"][0]["id"])')
  export TOKEN CUSTOMER
}
