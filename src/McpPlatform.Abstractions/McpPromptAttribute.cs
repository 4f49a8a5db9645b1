namespace McpPlatform;

/// <summary>
/// Exposes a method as an MCP prompt. Its string parameters are the prompt's arguments
/// (required unless nullable or defaulted; described by <c>[Description]</c> or XML
/// <c>&lt;param&gt;</c>). The source generator emits the prompt's registration and invocation
/// code at compile time; nothing is discovered by reflection at run time.
/// </summary>
/// <remarks>
/// The method returns <see cref="string"/> (one user message), the SDK's <c>PromptMessage</c>,
/// a collection of them (text, image and embedded-resource content), or <c>GetPromptResult</c>;
/// optionally wrapped in <c>Task</c> or <c>ValueTask</c>. Prompts are Read access: policy,
/// data-loss rules and the audit log apply to every get.
/// </remarks>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class McpPromptAttribute : Attribute
{
    /// <summary>Creates the attribute; the prompt name defaults to the method name in snake_case.</summary>
    public McpPromptAttribute()
    {
    }

    /// <summary>Creates the attribute with an explicit prompt name.</summary>
    public McpPromptAttribute(string name) => Name = name;

    /// <summary>The prompt name; snake_case of the method name when not given.</summary>
    public string? Name { get; }

    /// <summary>A human-readable title shown by clients.</summary>
    public string? Title { get; set; }

    /// <summary>What the prompt is for; falls back to the method's XML doc summary.</summary>
    public string? Description { get; set; }
}
