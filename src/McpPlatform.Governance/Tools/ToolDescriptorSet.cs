using System.Collections;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;

namespace McpPlatform.Governance.Tools;

/// <summary>
/// The tools one server governs, as descriptors, whatever their origin (generated at compile time, an
/// upstream MCP server's, an OpenAPI operation's): what policy rules, data rules, the manifest and the audit
/// log are checked against. Sorted by name; names are unique.
/// </summary>
public sealed class ToolDescriptorSet : IReadOnlyCollection<McpToolDescriptor>
{
    private readonly McpToolDescriptor[] _tools;
    private readonly Dictionary<string, McpToolDescriptor> _byName;

    /// <summary>Creates the set, refusing duplicate tool names.</summary>
    /// <exception cref="ArgumentException">Two tools share a name.</exception>
    public ToolDescriptorSet(IEnumerable<McpToolDescriptor> tools)
    {
        ArgumentNullException.ThrowIfNull(tools);
        _tools = [.. tools.OrderBy(t => t.Name, StringComparer.Ordinal)];
        _byName = new Dictionary<string, McpToolDescriptor>(_tools.Length, StringComparer.Ordinal);
        foreach (var tool in _tools)
        {
            if (!_byName.TryAdd(tool.Name, tool))
            {
                throw new ArgumentException($"Tool name '{tool.Name}' is used by more than one tool.", nameof(tools));
            }
        }
    }

    /// <summary>A set with no tools.</summary>
    public static ToolDescriptorSet Empty { get; } = new([]);

    /// <summary>
    /// The content hash (<c>sha256:&lt;hex&gt;</c>) of the governance manifest the generator produced for these
    /// tools at compile time; null for sets assembled at run time or combined.
    /// </summary>
    public string? ManifestHash { get; init; }

    /// <summary>
    /// True when the host pins the OpenAPI operations against its approved manifest itself (the portal), so start-up
    /// pinning does not compare them with a compiled manifest.
    /// </summary>
    public bool OpenApiOperationsPinnedByHost { get; init; }

    /// <summary>The assemblies that may carry that compiled manifest (the generated tools' assemblies).</summary>
    public IReadOnlyList<Assembly> ManifestAssemblies { get; init; } = [];

    /// <inheritdoc/>
    public int Count => _tools.Length;

    /// <summary>Finds a tool by its MCP name.</summary>
    public bool TryGet(string name, [NotNullWhen(true)] out McpToolDescriptor? tool) => _byName.TryGetValue(name, out tool);

    /// <summary>Whether a tool of this set belongs to <paramref name="toolSet"/>.</summary>
    public bool HasToolSet(string toolSet) => _tools.Any(t => t.ToolSet == toolSet);

    /// <inheritdoc/>
    public IEnumerator<McpToolDescriptor> GetEnumerator() => ((IEnumerable<McpToolDescriptor>)_tools).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
