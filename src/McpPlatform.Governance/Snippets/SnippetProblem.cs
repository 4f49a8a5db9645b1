namespace McpPlatform.Governance.Snippets;

/// <summary>
/// Why a snippet file cannot be used, where: the build reports it as <c>file(line,column): error CODE: message</c>
/// (docs/snippets.md lists the codes), start-up as an exception naming the file and line.
/// </summary>
/// <param name="Code">The MSBuild error code (<c>MCPB14x</c>).</param>
/// <param name="Line">1-based line in the file.</param>
/// <param name="Column">1-based column, 0 when the whole line is meant.</param>
/// <param name="Message">What is wrong and how to fix it.</param>
public sealed record SnippetProblem(string Code, int Line, int Column, string Message)
{
    /// <summary>The doc comment is missing, not first in the file, or not closed.</summary>
    public const string MissingDocComment = "MCPB140";

    /// <summary>A tag the format does not know, a tag given twice, or a required tag without a value.</summary>
    public const string BadTag = "MCPB141";

    /// <summary>The name is not an identifier of at most <see cref="SnippetSource.MaxNameLength"/> characters.</summary>
    public const string BadName = "MCPB142";

    /// <summary>No description.</summary>
    public const string MissingDescription = "MCPB143";

    /// <summary>The access class is not read, write or destructive.</summary>
    public const string BadAccess = "MCPB144";

    /// <summary>The input schema is not JSON.</summary>
    public const string InputNotJson = "MCPB145";

    /// <summary>The input schema is JSON but not an object schema the platform can check arguments against.</summary>
    public const string BadInputSchema = "MCPB146";

    /// <summary>Two snippets with one name.</summary>
    public const string DuplicateName = "MCPB147";

    /// <summary>The script is not JavaScript the sandbox's parser accepts.</summary>
    public const string ScriptSyntax = "MCPB148";

    /// <summary>The script is not one function expression (<c>async (args) =&gt; { ... }</c>).</summary>
    public const string NotAFunction = "MCPB149";

    /// <summary>The input schema uses a keyword the run-time argument check does not enforce (<see cref="SnippetSchema"/>).</summary>
    public const string UncheckedKeyword = "MCPB151";

    /// <inheritdoc />
    public override string ToString() => Column > 0 ? $"({Line},{Column}): {Code}: {Message}" : $"({Line}): {Code}: {Message}";
}
