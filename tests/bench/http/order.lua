-- wrk script: POST an order with one line to the Partner Center server.
-- Environment: TOKEN (a bearer token), CUSTOMER (its id), OFFER.
local token = os.getenv("TOKEN")
local customer = os.getenv("CUSTOMER")
local offer = os.getenv("OFFER") or "o365-e3"
wrk.method = "POST"
wrk.path = "/v1/customers/" .. customer .. "/orders"
wrk.headers["Authorization"] = "Bearer " .. token
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"lineItems":[{"lineItemNumber":0,"offerId":"' .. offer ..
           '","quantity":1}]}'

local failures = 0
function response(status, headers, body)
  if status ~= 201 then
    failures = failures + 1
    if failures == 1 then io.stderr:write("unexpected " .. status .. ": " .. body .. "\n") end
  end
end
