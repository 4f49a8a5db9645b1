#!/usr/bin/env bash
# Packs the platform (Abstractions, Hosting with its source generator, the mcp-platform CLI tool,
# the template pack) into
# artifacts/packages, the local feed scaffolded servers restore from.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
feed="$root/artifacts/packages"

rm -rf "$feed"
for project in src/McpPlatform.Abstractions src/McpPlatform.Governance src/McpPlatform.Secrets.LocalStore src/McpPlatform.Hosting src/McpPlatform.Cli templates/McpPlatform.Templates; do
  dotnet pack "$root/$project" -c Release --nologo -v quiet -o "$feed"
done
echo "Packed into $feed:"
ls -1 "$feed"
