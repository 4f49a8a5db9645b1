namespace McpPlatform.Governance.Tools;

/// <summary>
/// The reviewed script behind a tool whose origin is a snippet (<c>snippets/*.js</c>, docs/snippets.md): the snippet's
/// name (the tool is <c>snippet_&lt;name&gt;</c>) and the hash the manifest pins, so start-up can refuse a script that is not
/// the approved one.
/// </summary>
/// <param name="Name">The snippet's name from its doc comment (<c>@name</c>).</param>
/// <param name="ScriptHash"><c>sha256:</c> and the lower-case hex SHA-256 of the file's bytes.</param>
public sealed record ToolSnippet(string Name, string ScriptHash);
