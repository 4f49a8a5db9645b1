using System.Text.Json;
using McpPlatform.Governance.Tools;

namespace McpPlatform.Governance.Manifest;

/// <summary>
/// Checks that the snippets a server serves are the ones its compiled manifest lists. A snippet is read at start-up
/// from <c>snippets/&lt;name&gt;.js</c> in the output folder, so a script edited or replaced after the build differs from
/// what the build checked and the reviewer approved: its hash (or its declared class, description or input) tells.
/// </summary>
internal static class SnippetSurface
{
    /// <summary>One line per served snippet missing from <paramref name="compiled"/> or differing from its entry; empty when they agree.</summary>
    public static IReadOnlyList<string> Differences(ManifestDocument compiled, IEnumerable<McpToolDescriptor> served)
    {
        var lines = new List<string>();
        foreach (var tool in served.Where(t => t.Origin == ToolOrigin.Snippet).OrderBy(t => t.Name, StringComparer.Ordinal))
        {
            var name = DisplayText.Quote(tool.Name);
            var entry = compiled.FindTool(tool.Name);
            if (entry?.Snippet is not { } approved || tool.Snippet is not { } script)
            {
                lines.Add($"tool {name} is served from a snippet but the compiled manifest has no such snippet: the script was added after the build");
                continue;
            }

            var changed = new List<string>();
            if (script.ScriptHash != approved.ScriptHash)
            {
                changed.Add($"script ({script.ScriptHash}, the manifest says {approved.ScriptHash})");
            }

            if (tool.Description != entry.Description)
            {
                changed.Add("description");
            }

            if (tool.Access != entry.Access)
            {
                changed.Add($"access ({ManifestNames.Access(tool.Access)}, the manifest says {entry.AccessName})");
            }

            using (var schema = JsonDocument.Parse(tool.InputSchema))
            {
                if (CanonicalJson.Sha256(schema.RootElement) != entry.InputSchemaHash)
                {
                    changed.Add("input schema");
                }
            }

            if (changed.Count > 0)
            {
                lines.Add($"tool {name}: the {string.Join(", ", changed)} served differ from the compiled manifest: snippet {DisplayText.Quote(script.Name)} was changed or replaced after the build");
            }
        }

        return lines;
    }
}
