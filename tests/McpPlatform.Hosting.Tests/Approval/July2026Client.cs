using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace McpPlatform.Hosting.Tests.Approval;

/// <summary>
/// Raw JSON-RPC over HTTP on protocol 2026-07-28, as a client of that revision sends it: no initialize and no session;
/// every request carries the MCP-Protocol-Version header, Mcp-Method (and Mcp-Name for tools/call), and the protocol
/// version, client info and client capabilities in its <c>_meta</c>. Answers come as JSON or as one SSE event.
/// </summary>
internal sealed class July2026Client(Uri mcpUri, string token) : IDisposable
{
    public const string Version = "2026-07-28";

    private readonly HttpClient _http = new();
    private long _id;

    /// <summary>Sends <paramref name="method"/> and returns the JSON-RPC response object (with <c>result</c> or <c>error</c>).</summary>
    /// <param name="capabilities">The client capabilities declared in this request's <c>_meta</c>.</param>
    public async Task<JsonObject> SendAsync(string method, JsonObject? parameters = null, JsonObject? capabilities = null)
    {
        parameters ??= [];
        var meta = parameters["_meta"] as JsonObject ?? [];
        meta["io.modelcontextprotocol/protocolVersion"] = Version;
        meta["io.modelcontextprotocol/clientInfo"] = new JsonObject { ["name"] = "raw-2026-test", ["version"] = "1.0.0" };
        meta["io.modelcontextprotocol/clientCapabilities"] = capabilities?.DeepClone() ?? new JsonObject();
        parameters["_meta"] = meta;
        var body = new JsonObject { ["jsonrpc"] = "2.0", ["id"] = Interlocked.Increment(ref _id), ["method"] = method, ["params"] = parameters };

        using var request = new HttpRequestMessage(HttpMethod.Post, mcpUri) { Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json") };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Headers.Add("MCP-Protocol-Version", Version);
        request.Content.Headers.Add("Mcp-Method", method);
        if (method == "tools/call")
        {
            request.Content.Headers.Add("Mcp-Name", (string)parameters["name"]!);
        }

        using var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"{(int)response.StatusCode} {response.ReasonPhrase}: {text}");
        }

        return (JsonObject)JsonNode.Parse(response.Content.Headers.ContentType?.MediaType == "text/event-stream" ? LastEventData(text) : text)!;
    }

    /// <summary>tools/call of <paramref name="tool"/>; on a retry, with the request state and answers of the round before.</summary>
    public Task<JsonObject> CallToolAsync(string tool, JsonObject arguments, JsonObject? capabilities = null, string? requestState = null, JsonObject? inputResponses = null)
    {
        var parameters = new JsonObject { ["name"] = tool, ["arguments"] = arguments };
        if (requestState is not null)
        {
            parameters["requestState"] = requestState;
        }

        if (inputResponses is not null)
        {
            parameters["inputResponses"] = inputResponses;
        }

        return SendAsync("tools/call", parameters, capabilities);
    }

    public void Dispose() => _http.Dispose();

    private static string LastEventData(string sse) =>
        sse.Split('\n').Where(l => l.StartsWith("data:", StringComparison.Ordinal)).Select(l => l["data:".Length..].Trim()).Last();
}
