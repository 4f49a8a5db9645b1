#!/usr/bin/env bash
# Packs the platform (every packable project under src/ — Abstractions, Hosting with its source generator,
# the mcp-platform CLI tool, ... — and the template pack) into artifacts/packages, the local feed scaffolded
# servers restore from. Libraries get a .snupkg beside them. The version is McpPlatformVersion in
# Directory.Build.props (eng/version.sh prints it). Set CI=true for a deterministic build. See docs/packages.md.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
feed="$root/artifacts/packages"

rm -rf "$feed"
for project in "$root"/src/*/*.csproj "$root"/templates/*/*.csproj; do
  # Projects that ship inside another package (the build task) say so; skip them rather than pack nothing.
  if grep -q '<IsPackable>false</IsPackable>' "$project"; then continue; fi
  dotnet pack "$project" -c Release --nologo -v quiet -o "$feed"
done
echo "Packed $(bash "$root/eng/version.sh") into $feed:"
ls -1 "$feed"
