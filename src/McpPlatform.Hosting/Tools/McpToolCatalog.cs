using McpPlatform.Governance.Tools;

namespace McpPlatform.Hosting.Tools;

/// <summary>
/// The tools one server exposes: generated at compile time, or mapped from another source (an upstream MCP
/// server's tools behind the portal, an OpenAPI document's operations). Tool names are unique
/// (the generator reports duplicates; this check also covers catalogs that are combined).
/// </summary>
public sealed class McpToolCatalog
{
    private readonly Dictionary<string, GovernedMcpTool> _byName;
    private ToolDescriptorSet? _descriptors;

    /// <summary>Creates a catalog, refusing duplicate tool names.</summary>
    public McpToolCatalog(IEnumerable<GovernedMcpTool> tools)
    {
        ArgumentNullException.ThrowIfNull(tools);
        Tools = tools.OrderBy(t => t.Descriptor.Name, StringComparer.Ordinal).ToArray();
        _byName = new Dictionary<string, GovernedMcpTool>(StringComparer.Ordinal);
        foreach (var tool in Tools)
        {
            if (!_byName.TryAdd(tool.Descriptor.Name, tool))
            {
                throw new ArgumentException($"Tool name '{tool.Descriptor.Name}' is used by more than one tool.", nameof(tools));
            }
        }
    }

    /// <summary>Finds a tool by its MCP name.</summary>
    public bool TryGet(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out GovernedMcpTool? tool) =>
        _byName.TryGetValue(name, out tool);

    /// <summary>The tools, sorted by name.</summary>
    public IReadOnlyList<GovernedMcpTool> Tools { get; }

    /// <summary>
    /// The content hash (<c>sha256:&lt;hex&gt;</c>) of the governance manifest the generator produced
    /// for this catalog at compile time; null for catalogs assembled by hand or combined.
    /// </summary>
    public string? ManifestHash { get; init; }

    /// <summary>
    /// True when the host pins the OpenAPI operations itself (a portal compares them with its approved manifest and
    /// quarantines a changed one), so start-up pinning does not look for them in a compiled manifest.
    /// </summary>
    public bool OpenApiOperationsPinnedByHost { get; init; }

    /// <summary>
    /// The tools' descriptors, sorted by name, with the compiled manifest's hash: what the governance core
    /// (policy, data rules, manifest pinning, audit) checks against.
    /// </summary>
    public ToolDescriptorSet Descriptors => _descriptors ??= new ToolDescriptorSet(Tools.Select(t => t.Descriptor))
    {
        ManifestHash = ManifestHash,
        OpenApiOperationsPinnedByHost = OpenApiOperationsPinnedByHost,
        ManifestAssemblies = [.. Tools.Select(t => t.GetType().Assembly).Distinct()],
    };

    /// <summary>A catalog with only the tools that match.</summary>
    public McpToolCatalog Where(Func<McpToolDescriptor, bool> predicate) =>
        new(Tools.Where(t => predicate(t.Descriptor)));

    /// <summary>A catalog with only the named tool sets.</summary>
    public McpToolCatalog ForToolSets(params string[] toolSets) =>
        Where(d => toolSets.Contains(d.ToolSet, StringComparer.Ordinal));

    /// <summary>A catalog of these tools and another's.</summary>
    public McpToolCatalog Concat(McpToolCatalog other) => new(Tools.Concat(other.Tools));
}
