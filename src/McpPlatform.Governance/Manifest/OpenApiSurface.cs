using System.Text.Json;
using McpPlatform.Governance.Tools;

namespace McpPlatform.Governance.Manifest;

/// <summary>
/// Checks that the OpenAPI operations a server serves are the ones its compiled manifest lists. A generated tool
/// cannot differ from the manifest compiled beside it, but an operation is read at start-up from the document in
/// the output folder and governed with the access overrides in the configuration, so either can differ from what
/// the build read: a document replaced after the build, or an access class overridden in
/// appsettings.Production.json or an environment variable. Each difference names the tool and, for an access class,
/// the configuration source of the override (<c>McpPlatform:OpenApi:Apis:&lt;namespace&gt;:Access</c>).
/// </summary>
internal static class OpenApiSurface
{
    /// <summary>The configuration section of one document's access overrides (McpPlatform.OpenApi's OpenApiAccessSettings).</summary>
    public static string AccessSection(string apiNamespace) => $"McpPlatform:OpenApi:Apis:{apiNamespace}:Access";

    /// <summary>
    /// One line per served OpenAPI operation that is missing from <paramref name="compiled"/> or differs from its entry;
    /// empty when they agree. <paramref name="sourceOf"/> names the configuration source of a key.
    /// </summary>
    public static IReadOnlyList<string> Differences(ManifestDocument compiled, IEnumerable<McpToolDescriptor> served, Func<string, string> sourceOf)
    {
        var lines = new List<string>();
        foreach (var tool in served.Where(t => t.Origin == ToolOrigin.OpenApi).OrderBy(t => t.Name, StringComparer.Ordinal))
        {
            var name = DisplayText.Quote(tool.Name);
            var entry = compiled.FindTool(tool.Name);
            if (entry?.OpenApi is not { } operation)
            {
                lines.Add($"tool {name} ({tool.Http?.Method} {tool.Http?.Path}) is served from an OpenAPI document but the compiled manifest has no such operation: the document was changed or replaced after the build");
                continue;
            }

            var changed = new List<string>();
            if (tool.Description != entry.Description)
            {
                changed.Add("description");
            }

            if (CanonicalJson.Sha256(Parse(tool.InputSchema)) != entry.InputSchemaHash)
            {
                changed.Add("input schema");
            }

            if ((tool.OutputSchema is { } output ? CanonicalJson.Sha256(Parse(output)) : null) != (entry.OutputSchema is { } approved ? CanonicalJson.Sha256(approved) : null))
            {
                changed.Add("output schema");
            }

            if (tool.Http is not { } http || http.Method != operation.Method || http.Path != operation.Path)
            {
                changed.Add($"operation ({tool.Http?.Method} {tool.Http?.Path}, the manifest says {operation.Method} {operation.Path})");
            }

            if (!tool.Scopes.Order(StringComparer.Ordinal).SequenceEqual(operation.Scopes, StringComparer.Ordinal))
            {
                changed.Add("security scopes");
            }

            if (!tool.Secrets.Order(StringComparer.Ordinal).SequenceEqual(entry.Secrets, StringComparer.Ordinal))
            {
                lines.Add($"tool {name}: credential secret [{string.Join(", ", tool.Secrets)}] served, [{string.Join(", ", entry.Secrets)}] in the compiled manifest "
                    + $"(McpPlatform:OpenApi:Apis:{operation.Namespace}:Credential; source: {sourceOf($"McpPlatform:OpenApi:Apis:{operation.Namespace}:Credential:Secret")})");
            }

            if (changed.Count > 0)
            {
                lines.Add($"tool {name}: the {string.Join(", ", changed)} served differ from the compiled manifest: the OpenAPI document {DisplayText.Quote(operation.Namespace)} was changed or replaced after the build");
            }

            if (tool.Access != entry.Access)
            {
                lines.Add($"tool {name}: access {ManifestNames.Access(tool.Access)} served, {entry.AccessName} in the compiled manifest "
                    + $"(source: {AccessSource(tool, operation, sourceOf)})");
            }
        }

        return lines;
    }

    /// <summary>The source of the override that decides the tool's class: by operationId, by tool name, else by its first overridden tag.</summary>
    private static string AccessSource(McpToolDescriptor tool, ManifestOpenApi operation, Func<string, string> sourceOf)
    {
        var section = AccessSection(operation.Namespace);
        var keys = new List<string>();
        if (operation.OperationId is { } id)
        {
            keys.Add($"{section}:Operations:{id}");
        }

        var prefix = operation.Namespace + "_";
        keys.Add($"{section}:Operations:{(tool.Name.StartsWith(prefix, StringComparison.Ordinal) ? tool.Name[prefix.Length..] : tool.Name)}");
        keys.AddRange((tool.Http?.Tags ?? []).Select(t => $"{section}:Tags:{t}"));
        foreach (var key in keys)
        {
            var source = sourceOf(key);
            if (source != ConfigurationSources.Default)
            {
                return $"{key} in {source}";
            }
        }

        return $"{section}: {ConfigurationSources.Default}";
    }

    private static JsonElement Parse(string schema) => JsonDocument.Parse(schema).RootElement.Clone();
}
