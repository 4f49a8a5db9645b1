using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace McpPlatform.CodeMode.Bench;

/// <summary>Sends one tools/call over real HTTP (Streamable HTTP, stateless) and checks the answer.</summary>
public sealed class McpHttp(HttpClient http, string bearerToken)
{
    // Added unvalidated and built once, so header handling stays out of the numbers.
    private readonly string _authorization = "Bearer " + bearerToken;
    private int _reportedFailure;

    /// <summary>Calls <paramref name="tool"/> at <paramref name="endpoint"/>; true when the call succeeded and the response contains <paramref name="expected"/>.</summary>
    public async Task<bool> CallAsync(Uri endpoint, string tool, object arguments, string expected)
    {
        var text = await CallForTextAsync(endpoint, tool, arguments);
        var ok = text is not null && text.Contains(expected, StringComparison.Ordinal) && !text.Contains("\"isError\":true", StringComparison.Ordinal);
        if (!ok && Interlocked.Exchange(ref _reportedFailure, 1) == 0)
        {
            Console.Error.WriteLine($"first failed call ({tool}): {text ?? "HTTP error"}");
        }

        return ok;
    }

    /// <summary>The raw response body, or null when the HTTP status was not a success.</summary>
    public async Task<string?> CallForTextAsync(Uri endpoint, string tool, object arguments)
    {
        var body = JsonSerializer.Serialize(new { jsonrpc = "2.0", id = 1, method = "tools/call", @params = new { name = tool, arguments } });
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint)
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        request.Headers.Add("MCP-Protocol-Version", "2025-11-25");
        request.Headers.TryAddWithoutValidation("Authorization", _authorization);
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return response.IsSuccessStatusCode ? text : null;
    }
}
