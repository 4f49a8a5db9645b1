using System.Net.Http.Headers;

namespace McpPlatform.Hosting.Tests.Authentication;

/// <summary>Reading the <c>WWW-Authenticate</c> answer of a refused request.</summary>
internal static class BearerChallenges
{
    /// <summary>All <c>WWW-Authenticate</c> values of <paramref name="response"/>, as sent.</summary>
    public static string WwwAuthenticate(HttpResponseMessage response) =>
        response.Headers.TryGetValues("WWW-Authenticate", out var values) ? string.Join(", ", values) : "";

    /// <summary>The resource metadata URL every challenge must name (RFC 9728: the path-suffixed one of the MCP endpoint at <paramref name="mcpPath"/>).</summary>
    public static string ResourceMetadataParameter(Uri baseUri, string mcpPath = "/mcp") =>
        $"resource_metadata=\"{new Uri(baseUri, "/.well-known/oauth-protected-resource" + mcpPath).AbsoluteUri}\"";

    /// <summary>POST initialize with <c>Authorization: Bearer <paramref name="token"/></c>, or without the header when null.</summary>
    public static async Task<HttpResponseMessage> SendInitializeAsync(Uri mcpUri, string? token)
    {
        using var http = new HttpClient();
        using var request = Server.RawMcpRequest.Initialize(mcpUri, token: token);
        return await http.SendAsync(request);
    }
}
