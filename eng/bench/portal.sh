#!/usr/bin/env bash
# The portal's cost (printed, not a test): tools/call through a portal vs directly to the same upstream in one run
# (added p50/p99 latency, throughput ratio), and the portal's Code Mode surface vs the native tools/list of all its
# upstreams in o200k tokens for 1, 3 and 10 upstreams. Needs Node and the npm servers: npm ci --prefix eng/node.
# Usage: bash eng/bench/portal.sh [--requests N (per round, default 2000)] [--rounds N (default 6)] [--workers N (default 8)]
#        [--latency-only | --tokens-only]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
dotnet run -c Release --project "$root/eng/bench/McpPlatform.Portal.Bench" -- "$@"
