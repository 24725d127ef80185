-- wrk script: sends the login cookie (env JIXIAO_COOKIE) and prints p50/p95/p99 latency and requests per second.
local cookie = os.getenv("JIXIAO_COOKIE")
wrk.headers["Cookie"] = "jixiao.auth=" .. cookie

done = function(summary, latency, requests)
  io.write(string.format("requests=%d errors=%d rps=%.0f p50=%.2fms p95=%.2fms p99=%.2fms\n",
    summary.requests, summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000))
end
