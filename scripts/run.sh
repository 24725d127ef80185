#!/usr/bin/env bash
# Starts Jixiao on its embedded SQLite database, loaded with the sample documents, and prints the URL and the
# demo logins. Extra arguments go to `jixiao demo` (e.g. --urls http://127.0.0.1:5080).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh run
dotnet build src/Jixiao.Cli -c Release -nologo -v q
# The demo's database and files live in this checkout (.demo/), so two clones never share or overwrite one demo;
# --data elsewhere still wins.
data=(--data "$PWD/.demo")
for a in "$@"; do [ "$a" = "--data" ] && data=(); done
exec dotnet src/Jixiao.Cli/bin/Release/net10.0/jixiao.dll demo "${data[@]}" "$@"
