-- wrk script: post.lua's responses at a steady rate. wrk has no rate option, so each connection waits before its next
-- request: with C connections and a target of R per second, a connection sends one every C/R seconds (its own
-- latency included, so the rate reached is a little under R; the script prints what was reached).
-- Usage: wrk -c10 -d20s -s bench/collector/paced.lua URL -- RATE CONNECTIONS
dofile("bench/collector/post.lua")
local post_init = init
local pause = 10

function init(args)
  post_init(args)
  local rate = tonumber(args[1] or "1000")
  local connections = tonumber(args[2] or "10")
  pause = math.max(0, math.floor(connections * 1000 / rate))
end

function delay()
  return pause
end
