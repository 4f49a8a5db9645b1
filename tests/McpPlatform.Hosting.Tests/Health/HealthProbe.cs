using System.Net;
using System.Text.Json.Nodes;
using McpPlatform.Hosting.Tests.Server;

namespace McpPlatform.Hosting.Tests.Health;

/// <summary>One answer of <c>/healthz/live</c> or <c>/healthz/ready</c>: the HTTP status and the parsed body.</summary>
internal sealed record HealthProbe(HttpStatusCode Status, JsonNode Body, string Text)
{
    public static Uri LiveUri(RunningServer server) => new(server.HealthUri.AbsoluteUri.TrimEnd('/') + "/live");

    public static Uri ReadyUri(RunningServer server) => new(server.HealthUri.AbsoluteUri.TrimEnd('/') + "/ready");

    public static Task<HealthProbe> LiveAsync(RunningServer server) => GetAsync(server, LiveUri(server));

    public static Task<HealthProbe> ReadyAsync(RunningServer server) => GetAsync(server, ReadyUri(server));

    /// <summary>GET without a token, as an orchestrator probes.</summary>
    public static async Task<HealthProbe> GetAsync(RunningServer server, Uri uri)
    {
        using var http = server.CreateHttpClient();
        using var response = await http.GetAsync(uri);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return new HealthProbe(response.StatusCode, JsonNode.Parse(text)!, text);
    }

    /// <summary>The overall status in the body: healthy, degraded or unhealthy.</summary>
    public string? Overall => (string?)Body["status"];

    /// <summary>The status of the check named <paramref name="name"/>, or null when the answer does not list it.</summary>
    public string? StatusOf(string name) => (string?)Check(name)?["status"];

    /// <summary>The short reason the check named <paramref name="name"/> gave.</summary>
    public string? DescriptionOf(string name) => (string?)Check(name)?["description"];

    /// <summary>The names of the checks the answer lists.</summary>
    public IReadOnlyList<string> CheckNames => Body["checks"]!.AsArray().Select(check => (string)check!["name"]!).ToList();

    private JsonNode? Check(string name) => Body["checks"]!.AsArray().FirstOrDefault(check => (string?)check!["name"] == name);
}
