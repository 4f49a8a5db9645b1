using System.Text.Json;
using McpPlatform.Governance.CodeMode;
using ModelContextProtocol.Protocol;

// Also compiled into the mcp-platform CLI (a linked file), in its own namespace so a test assembly that sees both never meets two copies.
#if MCP_PLATFORM_CLI
namespace McpPlatform.Cli.Tokens;
#else
namespace McpPlatform.Hosting.CodeMode;
#endif

/// <summary>
/// The two tools a Code Mode connection sees instead of the tool list: <c>search</c> and
/// <c>execute</c>. Their definitions are fixed text, so the surface costs the same number of
/// tokens whether the server has five tools or five thousand.
/// </summary>
public static class CodeModeSurface
{
    /// <summary>The name of the tool that runs code against <c>codemode.tools()</c>.</summary>
    public const string SearchToolName = "search";

    /// <summary>The name of the tool that runs code calling <c>codemode.&lt;name&gt;(args)</c>.</summary>
    public const string ExecuteToolName = "execute";

    // Plain words, no backticks, apostrophes or angle brackets: the SDK escapes those on the wire (\u0060), which costs tokens.
    private const string SearchDescription =
        "Find the tools you can call. code is a JavaScript async arrow function run in a sandbox, where codemode.search(query) returns "
        + "the best matches for a few words and codemode.tools() returns every tool (large on big APIs), each as "
        + "{name, realName, description, access, inputSchema, typescript}, with method, path and tags for HTTP API operations "
        + "(access: read, write or destructive; typescript: the function signature). Filter and return only what you need, e.g. "
        + "async () => codemode.search(\"create issue\").map(t => t.typescript). "
        + "The return value comes back as JSON. Then call the tools by name with execute.";

    private const string ExecuteDescription =
        "Run JavaScript that calls tools. code is an async arrow function, e.g. "
        + "async () => { const r = await codemode.issues_list({ limit: 5 }); return r.items.length; }. "
        + "Each tool from search is an async function codemode.NAME(args) taking one object that matches its inputSchema; "
        + "it resolves to the result of the tool (an object, number, boolean or string). Chain calls, or run them together with Promise.all. "
        + "A failed or denied call throws an Error whose message says why; catch it with try/catch. "
        + "codemode.resources.list() lists readable resources; codemode.resources.read(uri) resolves to [{uri, mimeType, text or base64 blob}]. "
        + "The return value is JSON-serialized; console.log output is returned in logs. "
        + "No network, files, require, import or timers; time, memory, call count and output size are limited.";

    private const string CodeSchemaTemplate =
        """{"type":"object","properties":{"code":{"type":"string","description":"DESCRIPTION"}},"required":["code"]}""";

    // Tool definitions are read by models: keep '<' and '>' literal instead of \u003C escapes.
    private static readonly JsonSerializerOptions RelaxedEscaping = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The <c>search</c> and <c>execute</c> tool definitions, as tools/list returns them.</summary>
    public static IReadOnlyList<Tool> Tools { get; } =
    [
        Create(SearchToolName, SearchDescription, "JavaScript async arrow function that uses codemode.search(query) or codemode.tools() and returns the result."),
        Create(ExecuteToolName, ExecuteDescription, "JavaScript async arrow function that calls codemode.NAME(args) and returns the result."),
    ];

    /// <summary>Whether <paramref name="name"/> is one of the two Code Mode tools.</summary>
    public static bool IsSurfaceTool(string? name) =>
        name is SearchToolName or ExecuteToolName;

    private static Tool Create(string name, string description, string codeDescription)
    {
        var schema = CodeSchemaTemplate.Replace("\"DESCRIPTION\"", JsonSerializer.Serialize(codeDescription, RelaxedEscaping), StringComparison.Ordinal);
        using var document = JsonDocument.Parse(schema);
        return new Tool
        {
            Name = name,
            Description = description,
            InputSchema = document.RootElement.Clone(),
        };
    }
}
