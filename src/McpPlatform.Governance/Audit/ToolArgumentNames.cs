using System.Collections.Frozen;
using System.Runtime.CompilerServices;
using System.Text.Json;
using McpPlatform.Governance.Tools;

namespace McpPlatform.Governance.Audit;

/// <summary>
/// The argument names a tool accepts: the descriptor's <see cref="McpToolDescriptor.ArgumentNames"/> (the
/// generator's list, which the tool itself checks calls against), else its input schema's <c>properties</c>,
/// or any name when the schema does not say <c>additionalProperties: false</c> (hand-written schemas). Read once per tool.
/// </summary>
internal sealed class ToolArgumentNames
{
    // Keyed by the descriptor instance (a record: value equality would hash its schema text on every call).
    private static readonly ConditionalWeakTable<McpToolDescriptor, ToolArgumentNames> Cache = new();

    private readonly FrozenSet<string>? _names;

    private ToolArgumentNames(FrozenSet<string>? names) => _names = names;

    /// <summary>The names <paramref name="tool"/> accepts.</summary>
    public static ToolArgumentNames Of(McpToolDescriptor tool) =>
        Cache.GetValue(tool, static descriptor => new ToolArgumentNames(
            descriptor.ArgumentNames is { } names ? names.ToFrozenSet(StringComparer.Ordinal) : Parse(descriptor.InputSchema)));

    /// <summary>Whether the tool takes an argument called <paramref name="name"/> (ordinal, as JSON property names compare).</summary>
    public bool Accepts(string name) => _names is null || _names.Contains(name);

    // Null means "any name": a schema that is not an object, or that allows additional properties.
    private static FrozenSet<string>? Parse(string inputSchema)
    {
        try
        {
            using var schema = JsonDocument.Parse(inputSchema);
            var root = schema.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("additionalProperties", out var additional)
                || additional.ValueKind != JsonValueKind.False)
            {
                return null;
            }

            return root.TryGetProperty("properties", out var properties) && properties.ValueKind == JsonValueKind.Object
                ? properties.EnumerateObject().Select(p => p.Name).ToFrozenSet(StringComparer.Ordinal)
                : FrozenSet<string>.Empty;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
