using System.Text;
using System.Text.Json;

namespace McpPlatform.Cli.Tests.ShadowScan;

/// <summary>One logged request of a fixture gateway log.</summary>
internal sealed record LoggedRequest(string Time, string Host, string Path, string Method, string? User, string? Body);

/// <summary>
/// A web-gateway log written as JSON Lines or CSV into a temp folder: approved MCP traffic, unapproved MCP
/// traffic, and lookalike traffic that must not count as MCP.
/// </summary>
internal static class GatewayLog
{
    public const string ApprovedHost = "mcp.corp.example.com";
    public const string NotionHost = "mcp.notion.com";
    public const string AgentHost = "agents.example.net";
    public const string InternalRpcHost = "rpc.internal.example";

    /// <summary>The allow-list file: a comment, a wildcard and an unrelated host.</summary>
    public const string AllowList = "# Approved MCP servers\n*.corp.example.com   # every server behind the portal\n\ngithub-mcp.approved.example\n";

    private const string Initialize = """{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"claude-ai","version":"0.1.0"}}}""";

    /// <summary>A tools/call body printed over several lines, with commas and quotes in its arguments.</summary>
    private const string PrettyToolsCall = "{\n  \"jsonrpc\": \"2.0\",\n  \"id\": 7,\n  \"method\": \"tools/call\",\n  \"params\": {\"name\": \"query\", \"arguments\": {\"sql\": \"SELECT a, b FROM t WHERE c = 'x'\", \"note\": \"say \\\"hi\\\", then go\"}}\n}";

    public static IReadOnlyList<LoggedRequest> Requests { get; } =
    [
        // Approved: behind the allow-list wildcard.
        new("2025-06-01T08:00:00Z", ApprovedHost, "/mcp", "POST", "carol", Initialize),
        new("2025-06-01T08:01:00Z", ApprovedHost, "/mcp", "POST", "carol", """{"jsonrpc":"2.0","id":2,"method":"tools/list"}"""),

        // Unapproved: a known public MCP host, with and without MCP bodies, port and upper case included.
        new("2025-06-01T09:10:00Z", NotionHost, "/mcp", "POST", "alice", """{"jsonrpc":"2.0","id":3,"method":"tools/call","params":{"name":"search","arguments":{"query":"Q3 plan, draft"}}}"""),
        new("2025-06-01T09:00:00Z", "MCP.Notion.com:443", "/mcp/sse", "GET", "bob", null),
        new("2025-06-01T09:30:00Z", NotionHost, "/mcp", "POST", "alice", """{"jsonrpc":"2.0","method":"notifications/initialized"}"""),

        // Unapproved: an unknown host on an MCP path with an initialize body.
        new("2025-06-01T10:00:00Z", AgentHost, "/v1/mcp?session=abc", "POST", "dave", Initialize),

        // Unapproved: an internal host found only by its JSON-RPC body.
        new("2025-06-01T11:00:00Z", InternalRpcHost, "/api/rpc", "POST", "erin", PrettyToolsCall),
        new("2025-06-01T11:05:00Z", InternalRpcHost, "/api/rpc", "POST", "erin", """[{"jsonrpc":"2.0","id":1,"method":"ping"},{"jsonrpc":"2.0","id":2,"method":"resources/read","params":{"uri":"file:///etc/hosts"}}]"""),
        new("2025-06-01T11:06:00Z", InternalRpcHost, "/api/health", "GET", "erin", null),

        // Lookalikes: none of these is MCP.
        new("2025-06-01T12:00:00Z", "api.shop.example", "/orders", "POST", "frank", """{"method":"GET","url":"/mcp","note":"a, \"quoted\" value"}"""),
        new("2025-06-01T12:01:00Z", "eth.example.org", "/rpc", "POST", "frank", """{"jsonrpc":"2.0","id":1,"method":"eth_blockNumber","params":[]}"""),
        new("2025-06-01T12:02:00Z", "docs.example.com", "/mcp-docs/getting-started", "GET", "frank", null),
        new("2025-06-01T12:03:00Z", "mcpherson.com", "/", "GET", "frank", null),
        new("2025-06-01T12:04:00Z", "www.example.com", "/blog/mcp/intro", "GET", "frank", null),
        new("2025-06-01T12:05:00Z", "chat.example.com", "/api/messages", "POST", "frank", """{"text":"how do I send jsonrpc 2.0 with method tools/call?","method":"chat"}"""),
    ];

    /// <summary>Writes the log as JSON Lines, with <paramref name="malformed"/> lines inserted after the second line.</summary>
    public static string WriteJsonLines(string path, params string[] malformed)
    {
        var lines = Requests.Select(r => JsonSerializer.Serialize(new Dictionary<string, string?>
        {
            ["time"] = r.Time,
            ["host"] = r.Host,
            ["path"] = r.Path,
            ["method"] = r.Method,
            ["user"] = r.User,
            ["body"] = r.Body,
        })).ToList();
        lines.InsertRange(2, malformed);
        File.WriteAllText(path, string.Join('\n', lines) + "\n");
        return path;
    }

    /// <summary>Writes the log as CSV (header, RFC 4180 quoting), with <paramref name="malformed"/> lines inserted after the second record.</summary>
    public static string WriteCsv(string path, params string[] malformed)
    {
        var lines = Requests.Select(r => string.Join(',', Csv(r.Time), Csv(r.Host), Csv(r.Method), Csv(r.Path), Csv(r.User), Csv(r.Body))).ToList();
        lines.InsertRange(2, malformed);
        lines.Insert(0, "timestamp,Host,method,path,client,body");
        File.WriteAllText(path, string.Join("\r\n", lines) + "\r\n", new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        return path;
    }

    private static string Csv(string? field) =>
        field is null ? string.Empty
        : field.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + field.Replace("\"", "\"\"") + "\""
        : field;
}
