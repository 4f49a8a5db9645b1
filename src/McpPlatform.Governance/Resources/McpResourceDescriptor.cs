using McpPlatform.Governance.Tools;

namespace McpPlatform.Governance.Resources;

/// <summary>What the generator knew about one resource: a fixed URI or a URI template.</summary>
public sealed class McpResourceDescriptor
{
    /// <summary>The tool set that policy rules name resources by: <c>resources/*</c>.</summary>
    public const string PolicyToolSet = "resources";

    /// <summary>The prefix of a resource's name in policy rules and audit records: <c>resource:&lt;name&gt;</c>.</summary>
    public const string PolicyPrefix = "resource:";

    private McpToolDescriptor? _governedAs;

    /// <summary>The resource name.</summary>
    public required string Name { get; init; }

    /// <summary>The URI, or the URI template when the resource is templated.</summary>
    public required string Uri { get; init; }

    /// <summary>A human-readable title.</summary>
    public string? Title { get; init; }

    /// <summary>What the resource holds.</summary>
    public required string Description { get; init; }

    /// <summary>The MIME type of the contents, when declared.</summary>
    public string? MimeType { get; init; }

    /// <summary>True when <see cref="Uri"/> is a template with variables.</summary>
    public bool IsTemplated => Uri.Contains('{', StringComparison.Ordinal);

    /// <summary>
    /// The resource as the governance pipeline sees it: a Read "tool" named <c>resource:&lt;name&gt;</c>
    /// in tool set <c>resources</c>, so policy rules, data-loss rules and audit records name it.
    /// </summary>
    public McpToolDescriptor GovernedAs =>
        _governedAs ??= GovernedReadDescriptor.Create(PolicyPrefix, PolicyToolSet, Name, Title, Description);
}
