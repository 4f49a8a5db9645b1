using System.Globalization;
using System.Text;

namespace McpPlatform.ShadowScan.Bench;

/// <summary>
/// Writes a deterministic web-gateway log of about a given size: 98% ordinary traffic (web pages, REST and
/// JSON APIs, lookalikes such as JSON-RPC eth_* calls and "method":"GET" bodies), 2% MCP-like traffic
/// (public MCP hosts, unknown hosts on /mcp, internal JSON-RPC tools/call).
/// </summary>
internal static class GatewayLogGenerator
{
    private static readonly string[] OrdinaryHosts =
    [
        "www.google.com", "api.github.com", "slack.com", "outlook.office365.com", "cdn.jsdelivr.net", "mcpherson.com",
        "api.stripe.com", "www.notion.so", "eth-mainnet.example.org", "intranet.corp.example.com", "login.microsoftonline.com",
    ];

    private static readonly string[] OrdinaryPaths =
    [
        "/", "/search?q=weather", "/api/v1/orders/123", "/repos/acme/app/pulls", "/mcp-docs/getting-started", "/static/app.js",
        "/api/messages", "/rpc", "/oauth2/v2.0/token", "/v1/customers",
    ];

    private static readonly string[] OrdinaryBodies =
    [
        "",
        "",
        "{\"method\":\"GET\",\"url\":\"/api/v1/orders\",\"headers\":{\"accept\":\"application/json\"}}",
        "{\"jsonrpc\":\"2.0\",\"id\":17,\"method\":\"eth_blockNumber\",\"params\":[]}",
        "{\"query\":\"query { viewer { login } }\",\"variables\":{}}",
        "{\"text\":\"Quarterly numbers, final\",\"channel\":\"C024BE91L\",\"thread_ts\":\"1718000000.000100\"}",
        "grant_type=client_credentials&scope=https%3A%2F%2Fgraph.microsoft.com%2F.default",
    ];

    private static readonly (string Host, string Path, string Body)[] McpRequests =
    [
        ("mcp.notion.com", "/mcp", "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":{\"name\":\"search\",\"arguments\":{\"query\":\"Q3 plan\"}}}"),
        ("mcp.atlassian.com", "/v1/sse", ""),
        ("agents.example.net", "/v1/mcp", "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{}}}"),
        ("rpc.internal.example", "/api/rpc", "{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"tools/list\"}"),
        ("mcp.corp.example.com", "/mcp", "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"resources/read\",\"params\":{\"uri\":\"file:///report.md\"}}"),
    ];

    private static readonly string[] Users = ["alice", "bob", "carol", "dave", "erin", "frank", "grace", "heidi"];

    /// <summary>Writes at least <paramref name="bytes"/> bytes of log to <paramref name="path"/>; returns the line count.</summary>
    public static long Write(string path, long bytes, bool csv)
    {
        var random = new Random(20250601);
        var time = new DateTime(2025, 6, 1, 0, 0, 0, DateTimeKind.Utc);
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20);
        using var writer = new StreamWriter(stream, new UTF8Encoding(false), 1 << 20);
        if (csv)
        {
            writer.Write("time,host,method,path,user,body\n");
        }

        var line = new StringBuilder(512);
        long lines = 0;
        long written = 0;
        while (written < bytes)
        {
            time = time.AddMilliseconds(random.Next(1, 50));
            string host, requestPath, body;
            if (random.Next(100) < 2)
            {
                (host, requestPath, body) = McpRequests[random.Next(McpRequests.Length)];
            }
            else
            {
                host = OrdinaryHosts[random.Next(OrdinaryHosts.Length)];
                requestPath = OrdinaryPaths[random.Next(OrdinaryPaths.Length)];
                body = OrdinaryBodies[random.Next(OrdinaryBodies.Length)];
            }

            var method = body.Length == 0 ? "GET" : "POST";
            var user = Users[random.Next(Users.Length)];
            var stamp = time.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
            line.Clear();
            if (csv)
            {
                line.Append(stamp).Append(',').Append(host).Append(',').Append(method).Append(',').Append(requestPath).Append(',').Append(user).Append(',');
                if (body.Length > 0)
                {
                    line.Append('"').Append(body.Replace("\"", "\"\"")).Append('"');
                }
            }
            else
            {
                line.Append("{\"time\":\"").Append(stamp).Append("\",\"host\":\"").Append(host).Append("\",\"method\":\"").Append(method)
                    .Append("\",\"path\":\"").Append(requestPath).Append("\",\"user\":\"").Append(user)
                    .Append("\",\"status\":200,\"bytes_out\":").Append(random.Next(100, 90000)).Append(",\"body\":\"")
                    .Append(body.Replace("\"", "\\\"")).Append("\"}");
            }

            line.Append('\n');
            writer.Write(line);
            written += line.Length; // ASCII only
            lines++;
        }

        return lines;
    }
}
