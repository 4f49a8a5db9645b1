using System.Text.Json;
using McpPlatform.Governance.Snippets;
using McpPlatform.Hosting.CodeMode;
using McpPlatform.Hosting.Tools;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace McpPlatform.Hosting.Snippets;

/// <summary>
/// A reviewed snippet (<c>snippets/*.js</c>) as the governed tool <c>snippet_&lt;name&gt;</c> (docs/snippets.md). Like every
/// tool it is reached through the gate only (its access class from <c>@access</c>, default Write); then its arguments are
/// checked against the doc comment's <c>@input</c> schema and the script runs in the Code Mode sandbox with the same limits
/// as <c>execute</c>, each of its calls through the gate again with the caller's identity and an audit record under this one.
/// </summary>
public sealed class SnippetMcpTool : GovernedMcpTool
{
    private readonly string _function;
    private readonly int _line;

    internal SnippetMcpTool(SnippetDefinition snippet, string function, int line)
        : base(snippet.ToDescriptor())
    {
        Snippet = snippet;
        _function = function;
        _line = line;
    }

    /// <summary>The snippet as its doc comment declares it.</summary>
    public SnippetDefinition Snippet { get; }

    /// <inheritdoc />
    public override async ValueTask<CallToolResult> InvokeAsync(RequestContext<CallToolRequestParams> request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var arguments = request.Params?.Arguments;
        var problems = SnippetArgumentCheck.Problems(Snippet.InputSchema, arguments);
        if (problems.Count > 0)
        {
            return ToolResults.Error($"Invalid arguments for {Descriptor.Name}: {string.Join(" ", problems)} Its input schema: {Snippet.InputSchema}");
        }

        var services = request.Services ?? request.Server.Services ?? throw new InvalidOperationException("The MCP server has no service provider.");
        var argumentsJson = JsonSerializer.Serialize(arguments ?? new Dictionary<string, JsonElement>());
        return await services.GetRequiredService<CodeModeRunner>().RunSnippetAsync(request, Source(argumentsJson), Snippet.ScriptHash, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The function the sandbox calls: the snippet's function applied to the (checked, JSON) arguments, with the script
    /// starting on its own line of the file so a syntax or runtime error names the line a reviewer sees.
    /// </summary>
    private string Source(string argumentsJson) =>
        "(async () => " + new string('\n', Math.Max(0, _line - 1)) + _function + "(" + argumentsJson + "))";
}
