using McpPlatform.Governance.Tools;

namespace McpPlatform.Governance.Prompts;

/// <summary>One argument of a prompt.</summary>
/// <param name="Name">The argument name.</param>
/// <param name="Description">What to pass.</param>
/// <param name="Required">Whether prompts/get fails without it.</param>
public sealed record McpPromptArgumentDescriptor(string Name, string? Description, bool Required);

/// <summary>What the generator knew about one prompt.</summary>
public sealed class McpPromptDescriptor
{
    /// <summary>The tool set that policy rules name prompts by: <c>prompts/*</c>.</summary>
    public const string PolicyToolSet = "prompts";

    /// <summary>The prefix of a prompt's name in policy rules and audit records: <c>prompt:&lt;name&gt;</c>.</summary>
    public const string PolicyPrefix = "prompt:";

    private McpToolDescriptor? _governedAs;

    /// <summary>The prompt name.</summary>
    public required string Name { get; init; }

    /// <summary>A human-readable title.</summary>
    public string? Title { get; init; }

    /// <summary>What the prompt is for.</summary>
    public required string Description { get; init; }

    /// <summary>The prompt's arguments, in parameter order.</summary>
    public IReadOnlyList<McpPromptArgumentDescriptor> Arguments { get; init; } = [];

    /// <summary>
    /// The prompt as the governance pipeline sees it: a Read "tool" named <c>prompt:&lt;name&gt;</c>
    /// in tool set <c>prompts</c>, so policy rules, data-loss rules and audit records name it.
    /// </summary>
    public McpToolDescriptor GovernedAs =>
        _governedAs ??= GovernedReadDescriptor.Create(PolicyPrefix, PolicyToolSet, Name, Title, Description);
}
