using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace McpPlatform.Hosting.Tests.Audit;

/// <summary>
/// A Streamable HTTP session driven by hand, so a test chooses each JSON-RPC request id and can find
/// the audit record of exactly that request. Works against stateless servers (no session id) and
/// stateful ones (the <c>Mcp-Session-Id</c> from initialize goes on every later request).
/// </summary>
public sealed class RawMcpSession : IDisposable
{
    private const string ProtocolVersion = "2025-06-18";

    private readonly HttpClient _http = new();
    private readonly Uri _mcpUri;
    private readonly string _token;

    private RawMcpSession(Uri mcpUri, string token, string? sessionId)
    {
        _mcpUri = mcpUri;
        _token = token;
        SessionId = sessionId;
    }

    /// <summary>The <c>Mcp-Session-Id</c> the server assigned; null from a stateless server.</summary>
    public string? SessionId { get; }

    /// <summary>Sends initialize with id <paramref name="initializeId"/>, then notifications/initialized.</summary>
    public static async Task<RawMcpSession> OpenAsync(Uri mcpUri, string token, long initializeId = 1)
    {
        using var http = new HttpClient();
        var body = new JsonObject
        {
            ["jsonrpc"] = "2.0",
            ["id"] = initializeId,
            ["method"] = "initialize",
            ["params"] = new JsonObject
            {
                ["protocolVersion"] = ProtocolVersion,
                ["capabilities"] = new JsonObject(),
                ["clientInfo"] = new JsonObject { ["name"] = "audit-test", ["version"] = "1.0.0" },
            },
        };
        using var response = await http.SendAsync(Post(mcpUri, token, null, body));
        Assert.True(response.IsSuccessStatusCode, $"initialize answered {(int)response.StatusCode}");
        var sessionId = response.Headers.TryGetValues("Mcp-Session-Id", out var values) ? Assert.Single(values) : null;
        await ReadResponseAsync(response, initializeId);

        var session = new RawMcpSession(mcpUri, token, sessionId);
        using var initialized = await session._http.SendAsync(Post(mcpUri, token, sessionId, new JsonObject { ["jsonrpc"] = "2.0", ["method"] = "notifications/initialized" }));
        Assert.True(initialized.IsSuccessStatusCode, $"notifications/initialized answered {(int)initialized.StatusCode}");
        return session;
    }

    /// <summary>Sends one request and returns its JSON-RPC response object (with <c>result</c> or <c>error</c>).</summary>
    public async Task<JsonObject> SendAsync(long id, string method, JsonObject? parameters = null)
    {
        var body = new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id, ["method"] = method, ["params"] = parameters ?? new JsonObject() };
        using var response = await _http.SendAsync(Post(_mcpUri, _token, SessionId, body));
        Assert.True(response.IsSuccessStatusCode, $"{method} answered {(int)response.StatusCode}");
        return await ReadResponseAsync(response, id);
    }

    /// <summary>tools/call of <paramref name="tool"/> with the properties of <paramref name="argumentsJson"/>.</summary>
    public Task<JsonObject> CallToolAsync(long id, string tool, string argumentsJson = "{}") =>
        SendAsync(id, "tools/call", new JsonObject { ["name"] = tool, ["arguments"] = JsonNode.Parse(argumentsJson) });

    /// <summary>Posts <paramref name="body"/> (any JSON text, e.g. a notification or a request with a string id) in this session, as it is.</summary>
    public Task<HttpResponseMessage> PostRawAsync(string body) => _http.SendAsync(Post(_mcpUri, _token, SessionId, body));

    public void Dispose() => _http.Dispose();

    private static HttpRequestMessage Post(Uri mcpUri, string token, string? sessionId, JsonObject body) =>
        Post(mcpUri, token, sessionId, body.ToJsonString());

    private static HttpRequestMessage Post(Uri mcpUri, string token, string? sessionId, string body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, mcpUri)
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (sessionId is not null)
        {
            request.Headers.Add("Mcp-Session-Id", sessionId);
            request.Headers.Add("MCP-Protocol-Version", ProtocolVersion);
        }

        return request;
    }

    /// <summary>The response to <paramref name="id"/>: the JSON body, or the matching <c>data:</c> event of an SSE body.</summary>
    private static async Task<JsonObject> ReadResponseAsync(HttpResponseMessage response, long id)
    {
        var text = await response.Content.ReadAsStringAsync();
        var candidates = response.Content.Headers.ContentType?.MediaType == "text/event-stream"
            ? text.Split('\n').Where(l => l.StartsWith("data:", StringComparison.Ordinal)).Select(l => l["data:".Length..].Trim())
            : [text];
        foreach (var candidate in candidates)
        {
            if (JsonNode.Parse(candidate) is JsonObject message && message["id"] is JsonValue value && value.TryGetValue<long>(out var answered) && answered == id)
            {
                return message;
            }
        }

        throw new InvalidOperationException($"No JSON-RPC response with id {id} in: {text}");
    }
}
