using System.Text.Json;
using McpPlatform.Hosting.Tests.Server;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace McpPlatform.Hosting.Tests.CodeMode;

/// <summary>Connects the official client to a server's MCP URL with a <c>codemode</c> query, and runs code.</summary>
internal static class CodeModeClients
{
    /// <summary>The MCP URL with <c>?codemode=<paramref name="value"/></c> (no query when null).</summary>
    public static Uri CodeModeUri(this RunningServer server, string? value = "search_and_execute") =>
        value is null ? server.McpUri : new Uri(server.McpUri.AbsoluteUri + "?codemode=" + Uri.EscapeDataString(value));

    /// <summary>A client on <see cref="CodeModeUri"/> with a token for <paramref name="caller"/>.</summary>
    public static Task<McpClient> ConnectCodeModeAsync(this RunningServer server, string? value = "search_and_execute", TestCaller? caller = null) =>
        server.ConnectCodeModeWithTokenAsync(server.MintToken(caller), value);

    /// <summary>A client on <see cref="CodeModeUri"/> with the access token <paramref name="token"/>.</summary>
    public static Task<McpClient> ConnectCodeModeWithTokenAsync(this RunningServer server, string token, string? value = "search_and_execute") =>
        McpClient.CreateAsync(new HttpClientTransport(new HttpClientTransportOptions
        {
            Endpoint = server.CodeModeUri(value),
            TransportMode = HttpTransportMode.StreamableHttp,
            AdditionalHeaders = new Dictionary<string, string> { ["Authorization"] = "Bearer " + token },
        }));

    /// <summary>Calls <c>execute</c> with <paramref name="code"/>.</summary>
    public static async Task<CallToolResult> ExecuteAsync(this McpClient client, string code) =>
        await client.CallToolAsync("execute", new Dictionary<string, object?> { ["code"] = code });

    /// <summary>Calls <c>search</c> with <paramref name="code"/>.</summary>
    public static async Task<CallToolResult> SearchAsync(this McpClient client, string code) =>
        await client.CallToolAsync("search", new Dictionary<string, object?> { ["code"] = code });

    /// <summary>The <c>result</c> of a successful execution; fails with the error text otherwise.</summary>
    public static JsonElement Result(this CallToolResult result)
    {
        Assert.True(result.IsError != true, "The execution failed: " + Text(result));
        return result.StructuredContent!.Value.GetProperty("result");
    }

    /// <summary>The captured console lines of a successful execution.</summary>
    public static string[] Logs(this CallToolResult result) =>
        result.StructuredContent!.Value.GetProperty("logs").EnumerateArray().Select(e => e.GetString()!).ToArray();

    /// <summary>The error text of a failed execution; fails when it succeeded.</summary>
    public static string Error(this CallToolResult result)
    {
        Assert.True(result.IsError == true, "Expected an error, got: " + Text(result));
        return Text(result);
    }

    public static string Text(CallToolResult result) =>
        string.Join("\n", result.Content.OfType<TextContentBlock>().Select(t => t.Text));
}
