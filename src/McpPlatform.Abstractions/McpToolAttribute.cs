namespace McpPlatform;

/// <summary>
/// Exposes a method as an MCP tool. The source generator reads this attribute at compile
/// time and emits the tool's schema, registration and invocation code; nothing is
/// discovered by reflection at run time.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class McpToolAttribute : Attribute
{
    /// <summary>Creates the attribute; the tool name defaults to the method name in snake_case.</summary>
    public McpToolAttribute()
    {
    }

    /// <summary>Creates the attribute with an explicit tool name.</summary>
    public McpToolAttribute(string name) => Name = name;

    /// <summary>The tool name; snake_case of the method name when not given.</summary>
    public string? Name { get; }

    /// <summary>A human-readable title shown by clients.</summary>
    public string? Title { get; set; }

    /// <summary>What the tool does; falls back to the method's XML doc summary.</summary>
    public string? Description { get; set; }

    /// <summary>What the tool does to the system. Unspecified is treated as <see cref="ToolAccess.Write"/>.</summary>
    public ToolAccess Access { get; set; }

    /// <summary>Calling the tool twice with the same arguments has no further effect.
    /// Published as the MCP <c>idempotentHint</c> annotation only when set.</summary>
    public bool Idempotent { get; set; }

    /// <summary>The tool reaches systems outside this server's own domain.
    /// Published as the MCP <c>openWorldHint</c> annotation only when set.</summary>
    public bool OpenWorld { get; set; }

    /// <summary>
    /// The method name of this tool's inverse, e.g. <c>Revert = nameof(DeleteIssue)</c>: an <c>[McpTool]</c> method of
    /// the same class that undoes a call of this one. <c>rollback</c> calls it, through the gate, with arguments filled
    /// by name from this call's arguments, then from the top-level properties of its result (docs/rollback.md).
    /// The generator checks the inverse exists and that each of its required arguments can be filled.
    /// </summary>
    public string? Revert { get; set; }
}
