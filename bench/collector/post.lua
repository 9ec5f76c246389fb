-- wrk script: every request is a new bezorging response with its own UUID (a fresh responseId is stored, not
-- answered as a duplicate), so the collector commits every one. Counts 201s to report acknowledged responses.
counter = 0
created = 0
local threads = {}

function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

function init(args)
  math.randomseed(os.time() * 1000 + id)
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
end

local function uuid()
  local template = "xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx"
  return (string.gsub(template, "[xy]", function(c)
    local v = (c == "x") and math.random(0, 15) or math.random(8, 11)
    return string.format("%x", v)
  end))
end

function request()
  counter = counter + 1
  local body = '{"responseId":"' .. uuid() .. '","survey":"bezorging","version":1,"lang":"nl",'
    .. '"answers":{"recommend":' .. (counter % 11) .. ',"delivery":{"on_time":' .. (counter % 10 + 1)
    .. ',"driver":"na"},"ease":' .. (counter % 5 + 1) .. '},"meta":{"durationMs":' .. (60000 + counter % 120000) .. '}}'
  return wrk.format(nil, "/api/responses", nil, body)
end

function response(status, headers, body)
  if status == 201 then created = created + 1 end
end

function done(summary, latency, requests)
  local total = 0
  for _, thread in ipairs(threads) do total = total + thread:get("created") end
  io.write(string.format("acknowledged (201): %d of %d requests, %.0f per second\n", total, summary.requests,
    total / (summary.duration / 1e6)))
  io.write(string.format("latency p50 %.1f ms, p99 %.1f ms, max %.1f ms\n", latency:percentile(50) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000))
end
