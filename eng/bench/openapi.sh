#!/usr/bin/env bash
# OpenAPI at scale (printed, not a test), with GitHub's published REST description (npm @octokit/openapi in eng/node,
# 1,000+ operations): the cost of loading and compiling the document, the p50 of a Code Mode search over every
# operation (target <= 50 ms), and the surfaces in o200k tokens, every operation native vs search + execute
# (target: Code Mode <= 500). Needs npm ci --prefix eng/node.
# Usage: bash eng/bench/openapi.sh [--rounds N (load rounds, default 3)] [--searches N (per query, default 100)]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
dotnet run -c Release --project "$root/eng/bench/McpPlatform.OpenApi.Bench" -- "$@"
