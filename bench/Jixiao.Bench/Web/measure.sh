#!/usr/bin/env bash
# Load figures for docs/benchmarks-web.md: serves a city database (made by `city-db`), logs in as admin and runs wrk against each request, printing req/s, p50/p95/p99 and the server's CPU per request
# (from /proc/PID/stat, the figure that can be compared on a shared machine), with the load average. A clerk's list
# (one unit's projects) is measured without HTTP by `list-cpu`.
#
#   bench/Jixiao.Bench/Web/measure.sh DB [SECONDS] [CONNECTIONS]
#   DB: "Data Source=/tmp/city.db" or "Host=127.0.0.1;Port=…;Username=postgres;Database=jixiao_city"
#   JIXIAO_BENCH_ONLY=regex  runs only the requests whose label matches.
#   JIXIAO_WARM_SECONDS=N    length of each request's warm-up run (default 6; with JIXIAO_BENCH_ONLY picking one or
#                            two requests, use 20: the JIT needs ≈ 15 s of load to settle).
set -euo pipefail
db=${1:?usage: measure.sh DB [SECONDS] [CONNECTIONS]}
seconds=${2:-8}
connections=${3:-16}
root=$(cd "$(dirname "$0")/../../.." && pwd)
port=5093
url=http://127.0.0.1:$port
cli=$root/src/Jixiao.Cli/bin/Release/net10.0/jixiao
[[ -x $cli ]] || dotnet build -c Release "$root/src/Jixiao.Cli" >/dev/null
lua=$root/bench/Jixiao.Bench/Web/p95.lua
tick=$(getconf CLK_TCK)

"$cli" serve --db "$db" --urls "$url" --admin-password bench2026admin >/tmp/jixiao-bench-serve.log 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do curl -s -o /dev/null "$url/Account/Login" && break; sleep 0.5; done

login() { # user password → cookie value
  local jar; jar=$(mktemp)
  curl -fs -c "$jar" -H 'Content-Type: application/json' -H 'X-Jixiao-Client: bench' -d "{\"userName\":\"$1\",\"password\":\"$2\"}" "$url/api/v1/auth/login" >/dev/null
  grep jixiao.auth "$jar" | awk '{print $7}'; rm -f "$jar"
}
# A cookie older than the security-stamp interval (one minute, ServiceRegistration) is checked against the database
# and renewed on every request by a client that, like wrk, never stores the renewed cookie; a browser stores it and is
# checked once a minute. So every request below runs on a cookie minted just before it, as a browser's would be.

cpu() { awk '{print $14 + $15}' "/proc/$server/stat"; }
# The PostgreSQL server's processes (its backends run on the same cores): their CPU per request is the second figure.
dbcpu() {
  local total=0 pid
  for pid in $(pgrep -x postgres 2>/dev/null || true); do
    total=$((total + $(awk '{print $14 + $15}' "/proc/$pid/stat" 2>/dev/null || echo 0)))
  done
  echo $total
}

run() { # label user path   (JIXIAO_PAGES=N before it: random pages 1 … N; RANDOM_ID in the path: random ids)
  local label=$1 user=$2 path=$3
  [[ -n ${JIXIAO_BENCH_ONLY:-} && ! $label =~ $JIXIAO_BENCH_ONLY ]] && return
  local cookie; cookie=$(login "$user" bench2026admin)
  [[ -z $cookie ]] && { echo "| $label | (no login) |"; return; }
  if [[ ${warm:-0} == 1 ]]; then
    JIXIAO_COOKIE=$cookie wrk -t2 -c"$connections" -d"${JIXIAO_WARM_SECONDS:-6}s" -s "$lua" "$url$path" >/dev/null
    return
  fi
  local before; before=$(cpu)
  local dbbefore; dbbefore=$(dbcpu)
  local out; out=$(JIXIAO_COOKIE=$cookie wrk -t2 -c"$connections" -d"${seconds}s" -s "$lua" "$url$path" | grep '^requests=')
  local after; after=$(cpu)
  local dbafter; dbafter=$(dbcpu)
  local requests; requests=$(sed -E 's/.*requests=([0-9]+).*/\1/' <<<"$out")
  local ms; ms=$(awk -v c=$((after - before)) -v t="$tick" -v r="$requests" 'BEGIN { printf "%.2f", c / t * 1000 / r }')
  local dbms=–
  [[ $db == Host=* ]] && dbms=$(awk -v c=$((dbafter - dbbefore)) -v t="$tick" -v r="$requests" 'BEGIN { printf "%.2f ms", c / t * 1000 / r }')
  local load; load=$(cut -d' ' -f1 /proc/loadavg)
  awk -v l="$label" -v ms="$ms" -v dbms="$dbms" -v load="$load" '{
    for (i = 1; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
    printf "| %s | %s | %s | %s | %s | %s | %s ms | %s | %s |\n", l, v["rps"], v["p50"], v["p95"], v["p99"], v["errors"], ms, dbms, load }' <<<"$out"
}

all() {
  run "API list (admin)" admin "/api/v1/projects?pageSize=20"
  JIXIAO_PAGES=100 run "API list, random page 1–100 (admin)" admin "/api/v1/projects?pageSize=20"
  run "API list by amount, page 100 (admin)" admin "/api/v1/projects?sort=amount&desc=true&page=100"
  run "API search 视频 (admin)" admin "/api/v1/projects?q=%E8%A7%86%E9%A2%91&pageSize=20"
  JIXIAO_PAGES=30 run "API search 视频, random page 1–30 (admin)" admin "/api/v1/projects?q=%E8%A7%86%E9%A2%91&pageSize=20"
  run "API search 视频监控 (admin)" admin "/api/v1/projects?q=%E8%A7%86%E9%A2%91%E7%9B%91%E6%8E%A7&pageSize=20"
  run "API search 费 (admin)" admin "/api/v1/projects?q=%E8%B4%B9&pageSize=20"
  run "API list by grade 优 (admin)" admin "/api/v1/projects?grade=%E4%BC%98&pageSize=20"
  JIXIAO_PAGES=30 run "API list 2024 + 良, random page 1–30 (admin)" admin "/api/v1/projects?year=2024&grade=%E8%89%AF&pageSize=20"
  run "API project 25000 (admin)" admin "/api/v1/projects/25000"
  run "API project, random id (admin)" admin "/api/v1/projects/RANDOM_ID"
  run "API units (admin)" admin "/api/v1/units"
  run "page /projects (admin)" admin "/projects"
  run "page /projects?q=视频 (admin)" admin "/projects?q=%E8%A7%86%E9%A2%91"
}

# A first pass over every request lets the JIT finish tiering up (its background compiles count as server CPU), then
# the measured pass.
warm=1 all
echo "| request | req/s | p50 | p95 | p99 | errors | server CPU/request | PostgreSQL CPU/request | load |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|"
warm=0 all
