#!/usr/bin/env bash
# The main job: packs the platform, installs the template into an isolated hive, scaffolds a
# governed server with `dotnet new mcp-governed` and runs it on its embedded defaults
# (Development environment: the development issuer, whose per-user key the mcp-platform CLI
# signs tokens with; loopback only). Prints two development tokens, then serves until Ctrl+C.
#   NAME   project name          (default Acme.Jira)
#   PORT   port on 127.0.0.1     (default 5080)
#   OUT    where to scaffold     (default artifacts/sample)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
name="${NAME:-Acme.Jira}"
port="${PORT:-5080}"
out="${OUT:-$root/artifacts/sample}"
hive="$root/artifacts/template-hive"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
# The platform packages keep one version while their content changes: restore them fresh.
export NUGET_PACKAGES="$root/artifacts/nuget-cache"
rm -rf "$NUGET_PACKAGES"/mcpplatform.*

bash "$root/eng/pack.sh"

echo "==> Installing the template (isolated hive: $hive)"
rm -rf "$hive" # reinstalling the same version into a used hive registers it twice, and dotnet new then fails
dotnet new install "$root"/artifacts/packages/McpPlatform.Templates.*.nupkg --force --debug:custom-hive "$hive" >/dev/null

project="$out/$name"
echo "==> dotnet new mcp-governed -n $name -o $project"
rm -rf "$project"
dotnet new nugetconfig -o "$project" >/dev/null
dotnet nuget add source "$root/artifacts/packages" -n mcp-platform-local --configfile "$project/nuget.config" >/dev/null
dotnet new mcp-governed -n "$name" -o "$project" --debug:custom-hive "$hive"

endpoint="http://127.0.0.1:$port/mcp"
cli=(dotnet run --project "$root/src/McpPlatform.Cli" -c Release --)
dotnet build "$root/src/McpPlatform.Cli" -c Release --nologo -v quiet >/dev/null
reader=$("${cli[@]}" dev-token --subject reader --audience "$endpoint" --scope mcp:read 2>/dev/null)
editor=$("${cli[@]}" dev-token --subject editor --audience "$endpoint" --scope mcp:read --scope mcp:write --group issue-editors 2>/dev/null)
cat <<INFO
==> Development tokens for $endpoint (1 hour; mint more with: dotnet run --project src/McpPlatform.Cli -- dev-token --help)
    read-only (sees get_issue, search_issues):
      $reader
    editor (group issue-editors, mcp:write: may also create_issue):
      $editor
    e.g. npx @modelcontextprotocol/inspector --cli $endpoint --transport http --method tools/list --header "Authorization: Bearer \$TOKEN"
==> Serving $name: MCP at $endpoint, health at http://127.0.0.1:$port/healthz
INFO
cd "$project"
exec dotnet run -- --urls "http://127.0.0.1:$port"
