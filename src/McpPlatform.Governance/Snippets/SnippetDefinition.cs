using McpPlatform.Governance.Tools;

namespace McpPlatform.Governance.Snippets;

/// <summary>
/// A reviewed snippet as its doc comment declares it (docs/snippets.md): offered as the tool <c>snippet_&lt;name&gt;</c>
/// and in Code Mode as <c>codemode.snippets.&lt;name&gt;(args)</c>. The script is the whole file (the doc comment
/// followed by one function expression); <see cref="ScriptHash"/> is what the manifest pins.
/// </summary>
public sealed record SnippetDefinition
{
    /// <summary>The <c>@name</c>: an identifier.</summary>
    public required string Name { get; init; }

    /// <summary>The <c>@description</c> (or the comment's text before the first tag).</summary>
    public required string Description { get; init; }

    /// <summary>The <c>@access</c> class; <see cref="ToolAccess.Write"/> unless the comment says otherwise.</summary>
    public required ToolAccess Access { get; init; }

    /// <summary>The <c>@input</c> JSON schema as written (an empty object schema when absent).</summary>
    public required string InputSchema { get; init; }

    /// <summary>The property names of <see cref="InputSchema"/>, in the order written.</summary>
    public required IReadOnlyList<string> ArgumentNames { get; init; }

    /// <summary>The file's text.</summary>
    public required string Script { get; init; }

    /// <summary><c>sha256:</c> and the lower-case hex SHA-256 of the file's bytes.</summary>
    public required string ScriptHash { get; init; }

    /// <summary>The tool name: <c>snippet_&lt;name&gt;</c>.</summary>
    public string ToolName => SnippetSource.ToolPrefix + Name;

    /// <summary>The snippet as the descriptor the gate governs (tool set <c>snippets</c>, origin <see cref="ToolOrigin.Snippet"/>).</summary>
    public McpToolDescriptor ToDescriptor() => new()
    {
        Name = ToolName,
        Description = Description,
        Access = Access,
        ToolSet = SnippetSource.ToolSet,
        InputSchema = InputSchema,
        ArgumentNames = ArgumentNames,
        Origin = ToolOrigin.Snippet,
        Snippet = new ToolSnippet(Name, ScriptHash),
        CodeModeName = ToolName,
    };
}
