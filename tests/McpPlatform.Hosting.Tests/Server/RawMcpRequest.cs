using System.Net.Http.Headers;
using System.Text;

namespace McpPlatform.Hosting.Tests.Server;

/// <summary>Hand-built Streamable HTTP requests, for tests that set or read headers themselves.</summary>
public static class RawMcpRequest
{
    private const string InitializeBody =
        """{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"raw-http-test","version":"1.0.0"}}}""";

    /// <summary>POST initialize to <paramref name="mcpUri"/>, with optional Host, Origin and bearer token.</summary>
    public static HttpRequestMessage Initialize(Uri mcpUri, string? host = null, string? origin = null, string? token = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, mcpUri)
        {
            Content = new StringContent(InitializeBody, Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        if (host is not null)
        {
            request.Headers.Host = host;
        }

        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }

        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return request;
    }
}
