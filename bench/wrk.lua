-- wrk script for bench/bench.py. Sends requests with a credential scope in the Authorization header (certreg's
-- default --auth open takes account and region from it) and prints one JSON line with the latency percentiles and
-- the status counts.
--
--   GET:  wrk ... -s wrk.lua URL -- get PATH
--   POST: wrk ... -s wrk.lua URL -- post PATH BODIES_FILE
-- With post, each line of BODIES_FILE is posted once, the lines dealt round-robin to wrk's threads; when a thread
-- has used its share it repeats its last body (answered 409) and reports exhausted=true.

local threads = {}
local counter = 0

function setup(thread)
   thread:set("id", counter)
   counter = counter + 1
   table.insert(threads, thread)
end

local scope = "AWS4-HMAC-SHA256 Credential=AKIDBENCH/20260101/us-east-1/iot/aws4_request, "
   .. "SignedHeaders=host, Signature=0"

function init(args)
   mode = args[1]
   path = args[2]
   bodies = {}
   nextBody = 1
   statuses = {}
   exhausted = false
   wrk.headers["Authorization"] = scope
   if mode == "post" then
      wrk.method = "POST"
      wrk.headers["Content-Type"] = "application/json"
      local total = tonumber(args[4])
      local i = 0
      for line in io.lines(args[3]) do
         if i % total == id then
            bodies[#bodies + 1] = line
         end
         i = i + 1
      end
   end
end

function request()
   if mode == "post" then
      local body = bodies[nextBody]
      if nextBody < #bodies then
         nextBody = nextBody + 1
      else
         exhausted = true
      end
      return wrk.format("POST", path, nil, body)
   end
   return wrk.format("GET", path)
end

function response(status, headers, body)
   local key = tostring(status)
   statuses[key] = (statuses[key] or 0) + 1
end

function done(summary, latency, requests)
   local counts = {}
   local anyExhausted = false
   for _, thread in ipairs(threads) do
      local s = thread:get("statuses")
      for k, v in pairs(s) do
         counts[k] = (counts[k] or 0) + v
      end
      if thread:get("exhausted") then
         anyExhausted = true
      end
   end
   local parts = {}
   for k, v in pairs(counts) do
      parts[#parts + 1] = string.format('"%s":%d', k, v)
   end
   io.write(string.format('JSON {"requests":%d,"seconds":%.3f,"errors":%d,"p50_ms":%.3f,"p90_ms":%.3f,'
      .. '"p99_ms":%.3f,"statuses":{%s},"exhausted":%s}\n',
      summary.requests, summary.duration / 1e6,
      summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
      latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
      table.concat(parts, ","), tostring(anyExhausted)))
end
