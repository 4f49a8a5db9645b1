#!/usr/bin/env bash
# Runs every test in the repository: installs the test peers (the official MCP TypeScript SDK,
# the conformance suite and Node 22) with npm, packs the platform into artifacts/packages for
# the template tests, builds Platform.sln and runs each test project. Prints a summary; exits non-zero on
# any failure or when no test ran.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

echo "==> Installing test peers (eng/node)"
npm ci --prefix eng/node --no-audit --no-fund --loglevel=error

# The manifest review page and the development sign-in page are checked in headless Chromium (Debian's package).
if ! command -v chromium >/dev/null && [[ -z "${MCP_PLATFORM_CHROMIUM:-}" ]]; then
  echo "==> Installing Chromium (apt-get)"
  sudo=""; [[ "$(id -u)" -ne 0 ]] && sudo="sudo"
  # A failed install fails only the browser test (its message says how to install), not the whole run.
  { $sudo apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends chromium >/dev/null; } \
    || echo "warning: could not install chromium; the browser tests (review page, development sign-in page) will fail" >&2
fi

# The fleet tests run a real Redis and a real nginx in front of several replicas (Debian's packages).
if ! command -v redis-server >/dev/null || ! command -v nginx >/dev/null; then
  echo "==> Installing redis-server and nginx (apt-get)"
  sudo=""; [[ "$(id -u)" -ne 0 ]] && sudo="sudo"
  # A failed install fails only the fleet tests (their message says how to install), not the whole run.
  { $sudo apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends redis-server nginx >/dev/null; } \
    || echo "warning: could not install redis-server/nginx; the fleet tests will fail" >&2
fi

echo "==> Packing the platform"
bash eng/pack.sh

results="$root/artifacts/test-results"
rm -rf "$results"
echo "==> Building Platform.sln"
dotnet build Platform.sln --nologo -v minimal

# One test project at a time: each writes its own TRX file and none competes with another
# for the two cores while it starts servers and child processes.
status=0
projects=$(find tests -name '*.Tests.csproj' | sort)
for project in $projects; do
  name="$(basename "$project" .csproj)"
  echo "==> Testing $name"
  dotnet test "$project" --no-build --nologo --logger "trx;LogFileName=$name.trx" --results-directory "$results" "$@" || status=1
done

# One line over every test assembly, from the TRX counters.
read -r total passed failed skipped < <(
  cat "$results"/*.trx 2>/dev/null | grep -o '<Counters [^>]*' | awk '
    { for (i = 2; i <= NF; i++) { split($i, kv, "="); gsub(/"/, "", kv[2]); c[kv[1]] += kv[2] } }
    END { printf "%d %d %d %d\n", c["total"], c["passed"], c["failed"] + c["error"] + c["timeout"] + c["aborted"], c["total"] - c["executed"] }')
echo "==> Test summary: ${total:-0} total, ${passed:-0} passed, ${failed:-0} failed, ${skipped:-0} skipped ($(ls "$results"/*.trx 2>/dev/null | wc -l) test assemblies)"

# The failed tests last, with the first lines of their messages, so that the tail of a CI log names them.
if [[ "${failed:-0}" -ne 0 ]]; then
  echo "==> Failed tests"
  for trx in "$results"/*.trx; do
    awk '
      /<UnitTestResult / && /outcome="Failed"/ { match($0, /testName="[^"]*"/); name = substr($0, RSTART + 10, RLENGTH - 11); printing = 1; lines = 0; next }
      printing && /<Message>/ { sub(/.*<Message>/, ""); print "  FAIL " name; inmsg = 1 }
      printing && inmsg { line = $0; sub(/<\/Message>.*/, "", line); if (lines++ < 4) print "       " substr(line, 1, 300); if ($0 ~ /<\/Message>/) { inmsg = 0; printing = 0 } }
    ' "$trx"
  done
fi

reports=$(ls "$results"/*.trx 2>/dev/null | wc -l)
if [[ "$reports" -ne $(echo "$projects" | wc -w) ]]; then
  echo "FAILED: $(echo "$projects" | wc -w) test projects but $reports test reports (a test host crashed?)" >&2
  exit 1
fi
if [[ "$status" -ne 0 || "${failed:-0}" -ne 0 ]]; then
  echo "FAILED" >&2
  exit 1
fi
if [[ "${total:-0}" -eq 0 ]]; then
  echo "FAILED: no test ran" >&2
  exit 1
fi
echo "PASSED"
