-- A supporter signing the demo petition, with a unique e-mail and idempotency key per request (petition-post.sh).
-- Every tenth request repeats an e-mail already used by this thread: the "already signed" path is measured too.
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
  local who = counter
  if counter % 10 == 0 and counter > 10 then
    who = counter - 5
  end
  local body = "_idem=bench-" .. prefix .. "-" .. counter .. "-0000000000"
    .. "&_lang=en&_src=bench&first_name=Bench&last_name=Mark&town=Salem"
    .. "&email=signer-" .. prefix .. "-" .. who .. "%40example.org"
    .. "&comment=Signed+under+load"
  return wrk.format("POST", wrk.path, {["Content-Type"] = "application/x-www-form-urlencoded"}, body)
end
