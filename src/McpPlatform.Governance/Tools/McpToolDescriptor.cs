namespace McpPlatform.Governance.Tools;

/// <summary>
/// Everything the platform knows about a tool without running it, computed by the source
/// generator at compile time for generated tools; any other source of tools (an upstream MCP
/// server, an OpenAPI document) maps its tools onto the same record (<see cref="Origin"/>).
/// Schemas are JSON text (JSON Schema 2020-12).
/// </summary>
public sealed record McpToolDescriptor
{
    /// <summary>The MCP tool name.</summary>
    public required string Name { get; init; }

    /// <summary>Optional human-readable title.</summary>
    public string? Title { get; init; }

    /// <summary>What the tool does, as the model will read it.</summary>
    public required string Description { get; init; }

    /// <summary>The declared access class; never <see cref="ToolAccess.Unspecified"/> (the generator maps it to Write).</summary>
    public required ToolAccess Access { get; init; }

    /// <summary>The tool set (class) the tool belongs to.</summary>
    public required string ToolSet { get; init; }

    /// <summary>The JSON Schema of the arguments object.</summary>
    public required string InputSchema { get; init; }

    /// <summary>
    /// The argument names the tool takes, in declaration order: the properties of <see cref="InputSchema"/>
    /// (never a <c>[Secret]</c> parameter, which only the secret store supplies). A call naming any other
    /// argument is refused with this list. Null when the tool's origin does not say (no check).
    /// </summary>
    public IReadOnlyList<string>? ArgumentNames { get; init; }

    /// <summary>The JSON Schema of structured results, when the tool returns an object.</summary>
    public string? OutputSchema { get; init; }

    /// <summary>Published as <c>idempotentHint</c> when the author declared it.</summary>
    public bool? Idempotent { get; init; }

    /// <summary>Published as <c>openWorldHint</c> when the author declared it.</summary>
    public bool? OpenWorld { get; init; }

    /// <summary>
    /// OAuth scopes the tool's origin says a caller needs (an OpenAPI operation's security scopes, an
    /// upstream server's), on top of what policy requires: the gate denies the tool (<c>insufficient-scope</c>)
    /// to a token that lacks any of them, even where a policy rule grants it. Empty for generated tools, whose
    /// scopes come from policy (<c>McpPlatform:Policy</c>) alone.
    /// </summary>
    public IReadOnlyList<string> Scopes { get; init; } = [];

    /// <summary>Where the descriptor came from; <see cref="ToolOrigin.Generated"/> unless a tool source says otherwise.</summary>
    public ToolOrigin Origin { get; init; } = ToolOrigin.Generated;

    /// <summary>The HTTP operation behind the tool when <see cref="Origin"/> is <see cref="ToolOrigin.OpenApi"/>; null otherwise.</summary>
    public ToolHttpOperation? Http { get; init; }

    /// <summary>The reviewed script behind the tool when <see cref="Origin"/> is <see cref="ToolOrigin.Snippet"/>; null otherwise.</summary>
    public ToolSnippet? Snippet { get; init; }

    /// <summary>The secrets the tool declared with <c>[Secret]</c>: the only ones it can read.</summary>
    public IReadOnlyList<string> Secrets { get; init; } = [];

    /// <summary>
    /// The name Code Mode exposes the tool under: the MCP name when it is a valid JavaScript
    /// identifier, otherwise a sanitized one (<c>issues.search</c> becomes <c>issues_search</c>,
    /// <c>delete</c> becomes <c>delete_</c>). Empty means "use <see cref="Name"/>".
    /// </summary>
    public string CodeModeName { get; init; } = "";

    /// <summary>
    /// The TypeScript declaration of the tool as a Code Mode function, with JSDoc from the
    /// description and real argument and result types, e.g.
    /// <c>issues_search(args: { jql: string }): Promise&lt;{ issues: Issue[] }&gt;;</c>. Generated at compile time.
    /// </summary>
    public string? TypeScript { get; init; }

    /// <summary>
    /// True when the tool's text result is a JSON literal: a number or a boolean (<c>5</c>,
    /// <c>true</c>), as the generator emits for numeric and boolean returns. Code Mode parses such
    /// text so a script gets the number or boolean its TypeScript declaration promises, never the
    /// string <c>"false"</c> (which JavaScript treats as true). Direct calls still get the text.
    /// </summary>
    public bool TextResultIsJson { get; init; }

    /// <summary>
    /// The tool's inverse, when it declares one: <c>rollback</c> undoes a recorded call of this tool by calling it
    /// (docs/rollback.md). Null for tools that cannot be rolled back.
    /// </summary>
    public ToolRevert? Revert { get; init; }
}
