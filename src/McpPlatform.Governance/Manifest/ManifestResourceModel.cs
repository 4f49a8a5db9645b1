using McpPlatform.Governance.Prompts;
using McpPlatform.Governance.Resources;

namespace McpPlatform.Governance.Manifest;

/// <summary>
/// One resource in the manifest (an <c>[McpResource]</c> method): a fixed <see cref="Uri"/> or a
/// <see cref="UriTemplate"/>, always read access, governed as the tool name <c>resource:&lt;name&gt;</c>.
/// </summary>
public sealed class ManifestResource
{
    /// <summary>The resource name (unique among the manifest's resources).</summary>
    public required string Name { get; init; }

    /// <summary>The human-readable title, when the resource has one.</summary>
    public string? Title { get; init; }

    /// <summary>The fixed URI, or null when the resource is templated.</summary>
    public string? Uri { get; init; }

    /// <summary>The RFC 6570 URI template with <c>{variable}</c> parts, or null when the URI is fixed.</summary>
    public string? UriTemplate { get; init; }

    /// <summary>The description the model reads, possibly empty (attacker-controllable text: always escape it).</summary>
    public required string Description { get; init; }

    /// <summary>The MIME type of the content, when declared.</summary>
    public string? MimeType { get; init; }

    /// <summary>What grants reading it: <c>default-read</c> and the names of policy rules, sorted. Empty when nothing does.</summary>
    public required IReadOnlyList<string> GrantedBy { get; init; }

    /// <summary>Always <see cref="ToolAccess.Read"/>: reading a resource changes nothing.</summary>
    public ToolAccess Access => ToolAccess.Read;

    /// <summary><c>read</c>.</summary>
    public string AccessName => ManifestNames.Access(Access);

    /// <summary>The URI or the URI template, whichever the resource has.</summary>
    public string Address => Uri ?? UriTemplate ?? string.Empty;

    /// <summary>The name policy rules, DLP rules and the audit log use for it: <c>resource:&lt;name&gt;</c>.</summary>
    public string GovernedName => McpResourceDescriptor.PolicyPrefix + Name;
}

/// <summary>One argument of a prompt.</summary>
/// <param name="Name">The argument name.</param>
/// <param name="Description">What the model is told about it, when documented (attacker-controllable text).</param>
/// <param name="Required">False when the parameter is nullable or has a default.</param>
public sealed record ManifestPromptArgument(string Name, string? Description, bool Required);

/// <summary>
/// One prompt in the manifest (an <c>[McpPrompt]</c> method), always read access, governed as the tool name
/// <c>prompt:&lt;name&gt;</c>.
/// </summary>
public sealed class ManifestPrompt
{
    /// <summary>The prompt name (unique among the manifest's prompts).</summary>
    public required string Name { get; init; }

    /// <summary>The human-readable title, when the prompt has one.</summary>
    public string? Title { get; init; }

    /// <summary>The description the model reads, possibly empty (attacker-controllable text: always escape it).</summary>
    public required string Description { get; init; }

    /// <summary>The string arguments in parameter order.</summary>
    public required IReadOnlyList<ManifestPromptArgument> Arguments { get; init; }

    /// <summary>What grants getting it: <c>default-read</c> and the names of policy rules, sorted. Empty when nothing does.</summary>
    public required IReadOnlyList<string> GrantedBy { get; init; }

    /// <summary>Always <see cref="ToolAccess.Read"/>: getting a prompt changes nothing.</summary>
    public ToolAccess Access => ToolAccess.Read;

    /// <summary><c>read</c>.</summary>
    public string AccessName => ManifestNames.Access(Access);

    /// <summary>The name policy rules, DLP rules and the audit log use for it: <c>prompt:&lt;name&gt;</c>.</summary>
    public string GovernedName => McpPromptDescriptor.PolicyPrefix + Name;
}
