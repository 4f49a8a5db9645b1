using System.Text.Json;

namespace McpPlatform.Governance.Snippets;

/// <summary>
/// Checks a snippet call's arguments against the snippet's whole input schema before the script runs
/// (<see cref="SnippetSchema"/>: nested objects and arrays, required, additionalProperties, string and number bounds,
/// pattern, enum, const), each problem naming its JSON path. A snippet's inner calls check their own arguments at the gate.
/// </summary>
public static class SnippetArgumentCheck
{
    /// <summary>Every problem of <paramref name="arguments"/> (null means none given), in a sentence each; empty when they fit.</summary>
    public static IReadOnlyList<string> Problems(string inputSchema, IDictionary<string, JsonElement>? arguments)
    {
        using var schema = JsonDocument.Parse(inputSchema);
        var given = JsonSerializer.SerializeToElement(arguments ?? new Dictionary<string, JsonElement>());
        return SnippetSchema.Check(schema.RootElement, given);
    }
}
