using System.Text;
using System.Text.Json;
using McpPlatform.Governance.CodeMode;
using McpPlatform.Governance.Tools;
using McpPlatform.Hosting.Tools;

namespace McpPlatform.Hosting.CodeMode;

/// <summary>
/// The catalog's tools under their Code Mode names, built once: the generator's
/// <see cref="McpToolDescriptor.CodeModeName"/> and <see cref="McpToolDescriptor.TypeScript"/>
/// when present, otherwise a sanitized name and a signature derived from the input schema.
/// </summary>
public sealed class CodeModeToolIndex
{
    private readonly Dictionary<string, CodeModeTool> _byName = new(StringComparer.Ordinal);

    /// <summary>Indexes every tool of <paramref name="catalog"/>.</summary>
    public CodeModeToolIndex(McpToolCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        // Names that need no change are taken first, so a sanitized name never displaces a real one.
        var tools = new List<CodeModeTool>();
        var ordered = catalog.Tools.OrderBy(t => string.IsNullOrEmpty(t.Descriptor.CodeModeName) && !CodeModeNames.IsIdentifier(t.Descriptor.Name));
        foreach (var tool in ordered)
        {
            var name = Unique(string.IsNullOrEmpty(tool.Descriptor.CodeModeName) ? CodeModeNames.Sanitize(tool.Descriptor.Name) : tool.Descriptor.CodeModeName);
            var entry = new CodeModeTool(name, tool, tool.Descriptor.TypeScript ?? FallbackSignature(name, tool.Descriptor));
            tools.Add(entry);
            _byName[name] = entry;
        }

        // Real names resolve too (codemode["issues.search"]), without shadowing a Code Mode name.
        foreach (var entry in tools)
        {
            _byName.TryAdd(entry.RealName, entry);
        }

        Tools = [.. tools.OrderBy(t => t.RealName, StringComparer.Ordinal)];
        _positions = Tools.Select((tool, i) => (tool.RealName, i)).ToDictionary(p => p.RealName, p => p.i, StringComparer.Ordinal);
        // Built on first use: a server whose callers never search pays nothing for them.
        _entries = new Lazy<string[]>(() => [.. Tools.Select(CodeModeCatalogEntry.Json)]);
        _search = new Lazy<CodeModeSearchIndex>(() => new CodeModeSearchIndex(Tools));
    }

    private readonly Dictionary<string, int> _positions;
    private readonly Lazy<string[]> _entries;
    private readonly Lazy<CodeModeSearchIndex> _search;

    /// <summary>The position of a tool (by MCP name) in <see cref="Tools"/>; -1 when the catalog has none by that name.</summary>
    public int PositionOf(string realName) => _positions.TryGetValue(realName, out var position) ? position : -1;

    /// <summary>What <c>codemode.tools()</c> and <c>codemode.search()</c> return for the tool at <paramref name="position"/>, as JSON.</summary>
    public string EntryJson(int position) => _entries.Value[position];

    /// <summary>The ranked search over every tool.</summary>
    internal CodeModeSearchIndex SearchIndex => _search.Value;

    /// <summary>Every tool, sorted by MCP name.</summary>
    public IReadOnlyList<CodeModeTool> Tools { get; }

    /// <summary>Finds a tool by its Code Mode name or its MCP name.</summary>
    public bool TryGet(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out CodeModeTool? tool) =>
        _byName.TryGetValue(name, out tool);

    private string Unique(string name)
    {
        var candidate = name;
        for (var suffix = 2; _byName.ContainsKey(candidate); suffix++)
        {
            candidate = name + "_" + suffix;
        }

        return candidate;
    }

    // Only when the generator supplied none: the top-level argument properties, typed loosely.
    private static string FallbackSignature(string name, McpToolDescriptor descriptor)
    {
        var text = new StringBuilder();
        text.Append("/** ").Append(descriptor.Description.Replace("*/", "* /", StringComparison.Ordinal)).Append(" */\n");
        text.Append(name).Append("(args: {");
        try
        {
            using var schema = JsonDocument.Parse(descriptor.InputSchema);
            var required = schema.RootElement.TryGetProperty("required", out var list) && list.ValueKind == JsonValueKind.Array
                ? list.EnumerateArray().Select(e => e.GetString()).ToHashSet(StringComparer.Ordinal)
                : [];
            if (schema.RootElement.TryGetProperty("properties", out var properties) && properties.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in properties.EnumerateObject())
                {
                    text.Append(' ').Append(CodeModeNames.IsIdentifier(property.Name) ? property.Name : JsonSerializer.Serialize(property.Name))
                        .Append(required.Contains(property.Name) ? ": " : "?: ")
                        .Append(TypeOf(property.Value)).Append(';');
                }
            }
        }
        catch (JsonException)
        {
            // A schema that is not JSON gets the loosest signature.
        }

        return text.Append(" }): Promise<unknown>;").ToString();
    }

    private static string TypeOf(JsonElement schema) =>
        schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String
            ? type.GetString() switch
            {
                "string" => "string",
                "integer" or "number" => "number",
                "boolean" => "boolean",
                "array" => "unknown[]",
                "object" => "object",
                _ => "unknown",
            }
            : "unknown";
}

/// <summary>One tool as Code Mode shows it.</summary>
/// <param name="Name">The JavaScript identifier: <c>codemode.&lt;Name&gt;(args)</c>.</param>
/// <param name="Tool">The generated tool.</param>
/// <param name="TypeScript">Its TypeScript declaration.</param>
public sealed record CodeModeTool(string Name, GovernedMcpTool Tool, string TypeScript)
{
    /// <summary>The MCP tool name.</summary>
    public string RealName => Tool.Descriptor.Name;

    /// <summary>What the generator knew about the tool.</summary>
    public McpToolDescriptor Descriptor => Tool.Descriptor;
}
