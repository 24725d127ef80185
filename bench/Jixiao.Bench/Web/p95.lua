-- wrk script: sends the login cookie (env JIXIAO_COOKIE) and prints p50/p95/p99 latency and requests per second.
-- With JIXIAO_PAGES=N every request asks for a random page (1 … N) of the given list URL, so the page query runs for
-- real each time rather than for one repeated page; a path holding "RANDOM_ID" gets a random id (1 … JIXIAO_IDS,
-- default 50000) there instead.
local cookie = os.getenv("JIXIAO_COOKIE")
local pages = tonumber(os.getenv("JIXIAO_PAGES") or "0")
local ids = tonumber(os.getenv("JIXIAO_IDS") or "50000")
wrk.headers["Cookie"] = "jixiao.auth=" .. cookie
math.randomseed(os.time())

-- A fixed path is sent as wrk's prebuilt request: a Lua request() per call would cost wrk CPU on the server's cores.
if string.find(wrk.path, "RANDOM_ID", 1, true) then
  request = function()
    return wrk.format(nil, (string.gsub(wrk.path, "RANDOM_ID", tostring(math.random(1, ids)))))
  end
elseif pages > 0 then
  local sep = string.find(wrk.path, "?", 1, true) and "&" or "?"
  request = function()
    return wrk.format(nil, wrk.path .. sep .. "page=" .. math.random(1, pages))
  end
end

done = function(summary, latency, requests)
  io.write(string.format("requests=%d errors=%d rps=%.0f p50=%.2fms p95=%.2fms p99=%.2fms\n",
    summary.requests, summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000))
end
