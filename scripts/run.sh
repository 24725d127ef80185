#!/usr/bin/env bash
# Starts Jixiao on its embedded SQLite database, loaded with the sample documents, and prints the URL and the
# demo logins. Extra arguments go to `jixiao demo` (e.g. --urls http://127.0.0.1:5080).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh run
dotnet build src/Jixiao.Cli -c Release -nologo -v q
exec dotnet src/Jixiao.Cli/bin/Release/net10.0/jixiao.dll demo "$@"
