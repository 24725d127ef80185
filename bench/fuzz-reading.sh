#!/usr/bin/env bash
# The reading fuzz run (docs/benchmarks-reading.md): in-process, fixed seed, stops by itself after SECONDS.
#   bench/fuzz-reading.sh [SECONDS] [INPUTS] [SEED] [OUT]
# Offending inputs go to OUT (under /tmp, never the repository). If the process dies on an input (a stack
# overflow cannot be caught), the inputs in flight are written again with --replay into OUT/killed and the run goes
# on after them with the time that is left.
set -u
SECONDS_BUDGET=${1:-1500}
INPUTS=${2:-1000000}
SEED=${3:-20261123}
OUT=${4:-/tmp/jixiao-fuzz-reading}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
DLL="$ROOT/bench/Jixiao.Bench/bin/Release/net10.0/Jixiao.Bench.dll"
[ -f "$DLL" ] || dotnet build -c Release "$ROOT/bench/Jixiao.Bench" >/dev/null
mkdir -p "$OUT"
start=0
deadline=$(( $(date +%s) + SECONDS_BUDGET ))
while :; do
  left=$(( deadline - $(date +%s) ))
  [ "$left" -gt 5 ] || break
  rm -f "$OUT"/inflight-*
  nice -n 10 dotnet "$DLL" fuzz-reading --seconds "$left" --inputs $(( INPUTS - start )) --seed "$SEED" --start "$start" --out "$OUT" | tee -a "$OUT/log.txt"
  rc=${PIPESTATUS[0]}
  [ "$rc" -eq 0 ] && break
  echo "# process died (exit $rc); inputs in flight:" | tee -a "$OUT/log.txt"
  last=$start
  for f in "$OUT"/inflight-*; do
    i=$((10#$(head -c 12 "$f")))
    echo "#   $i" | tee -a "$OUT/log.txt"
    dotnet "$DLL" fuzz-reading --replay "$i" --seed "$SEED" --out "$OUT/killed" | tee -a "$OUT/log.txt"
    [ "$i" -ge "$last" ] && last=$(( i + 1 ))
  done
  start=$last
done
