-- A supporter's email-action form post with a unique e-mail and idempotency key per request.
-- Used by action-post.sh against both the platform's action and the bare insert endpoint (wrk.path).
local counter = 0
local threads = 0

function setup(thread)
  threads = threads + 1
  thread:set("tid", threads)
end

function init(args)
  math.randomseed(os.time() * 1000 + (tid or 0))
  prefix = string.format("%d-%09d", tid or 0, math.random(0, 999999999))
end

function request()
  counter = counter + 1
  local key = prefix .. "-" .. counter
  local body = "_idem=bench-" .. key .. "-0000000000"
    .. "&_lang=en&lat=42.3588&lon=-71.0637&street=24+Beacon+St&zip=02133"
    .. "&first_name=Bench&last_name=Mark&email=bench-" .. key .. "%40example.org&delivery=platform"
  return wrk.format("POST", wrk.path, {["Content-Type"] = "application/x-www-form-urlencoded"}, body)
end
