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
        "Find the tools you can call. code is a JavaScript async arrow function run in a sandbox: codemode.search(words) returns "
        + "the best matches, codemode.tools() every tool. Each is {name, realName, description, access, inputSchema, typescript}, "
        + "plus method, path and tags for HTTP operations (access: read, write or destructive; typescript: the signature). "
        + "Return only what you need, e.g. async () => codemode.search(\"create issue\").map(t => t.typescript). "
        + "The result comes back as JSON. Then call the tools by name with execute.";

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

    /// <summary>
    /// The <c>search</c> and <c>execute</c> tool definitions for a caller who may reach a Destructive tool (what a listing
    /// without a caller shows): <c>search</c> is read-only, <c>execute</c> is neither read-only nor safe from destruction.
    /// </summary>
    public static IReadOnlyList<Tool> Tools { get; } = Surface(mayReachDestructive: true);

    /// <summary>The definitions for a caller whose policy grants no Destructive tool: <c>execute</c> is not read-only, but not destructive.</summary>
    private static IReadOnlyList<Tool> WithoutDestructive { get; } = Surface(mayReachDestructive: false);

    /// <summary>The definitions as a caller sees them: <c>execute</c>'s destructiveHint says whether it may reach a Destructive tool.</summary>
    public static IReadOnlyList<Tool> ToolsFor(bool mayReachDestructive) => mayReachDestructive ? Tools : WithoutDestructive;

    /// <summary>Whether <paramref name="name"/> is one of the two Code Mode tools.</summary>
    public static bool IsSurfaceTool(string? name) =>
        name is SearchToolName or ExecuteToolName;

    private static Tool[] Surface(bool mayReachDestructive) =>
    [
        Create(SearchToolName, SearchDescription, "JavaScript async arrow function that uses codemode.search or codemode.tools and returns the result.",
            new ToolAnnotations { ReadOnlyHint = true }),
        Create(ExecuteToolName, ExecuteDescription, "JavaScript async arrow function that calls codemode.NAME(args) and returns the result.",
            new ToolAnnotations { ReadOnlyHint = false, DestructiveHint = mayReachDestructive }),
    ];

    private static Tool Create(string name, string description, string codeDescription, ToolAnnotations annotations)
    {
        var schema = CodeSchemaTemplate.Replace("\"DESCRIPTION\"", JsonSerializer.Serialize(codeDescription, RelaxedEscaping), StringComparison.Ordinal);
        using var document = JsonDocument.Parse(schema);
        return new Tool
        {
            Name = name,
            Description = description,
            InputSchema = document.RootElement.Clone(),
            Annotations = annotations,
        };
    }
}
