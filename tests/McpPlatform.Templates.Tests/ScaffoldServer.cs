using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using McpPlatform.Governance.Authentication;
using McpPlatform.Hosting.Authentication;

namespace McpPlatform.Templates.Tests;

/// <summary>
/// A built scaffold running as <c>dotnet run --no-build</c> in Development on 127.0.0.1, trusting a
/// development issuer whose key file the test owns, and a raw JSON-RPC client for it.
/// </summary>
internal sealed class ScaffoldServer : IDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(3);

    private readonly ChildProcess _process;
    private readonly DevelopmentIssuer _issuer;
    private readonly HttpClient _http = new(new SocketsHttpHandler { UseProxy = false }) { Timeout = TimeSpan.FromSeconds(30) };

    private ScaffoldServer(ChildProcess process, DevelopmentIssuer issuer, Uri baseUrl)
    {
        _process = process;
        _issuer = issuer;
        BaseUrl = baseUrl;
    }

    public Uri BaseUrl { get; }

    /// <summary>The canonical resource URI, the audience tokens must carry.</summary>
    public string Resource => new Uri(BaseUrl, "/mcp").ToString();

    public static async Task<ScaffoldServer> StartAsync(string projectDirectory, IReadOnlyDictionary<string, string?> environment)
    {
        var baseUrl = new Uri($"http://127.0.0.1:{LoopbackServer.FreePort()}");
        var keyFile = Path.Combine(projectDirectory, "dev-issuer.json");
        var issuer = DevelopmentIssuer.LoadOrCreate(keyFile);
        var serverEnvironment = new Dictionary<string, string?>(environment)
        {
            [DevelopmentIssuer.KeyFileEnvironmentVariable] = keyFile,
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
        };
        var process = ChildProcess.Start(
            "dotnet", ["run", "--no-build", "--no-launch-profile", "--", "--urls", baseUrl.ToString().TrimEnd('/')], projectDirectory, serverEnvironment);
        var notReady = await LoopbackServer.WaitUntilHealthyAsync(process, new Uri(baseUrl, "/healthz"), StartTimeout);
        if (notReady is not null)
        {
            var output = process.OutputTail();
            process.Dispose();
            throw new InvalidOperationException($"The scaffold in {projectDirectory} did not start: {notReady}\n{output}");
        }

        return new ScaffoldServer(process, issuer, baseUrl);
    }

    public string Token(string[] scopes, string[] groups) =>
        _issuer.MintToken(new("tester", Resource) { Scopes = scopes, Groups = groups });

    /// <summary>POSTs one JSON-RPC request to /mcp (with <paramref name="query"/>) and returns the status and the JSON-RPC message, if any.</summary>
    public async Task<(HttpStatusCode Status, JsonElement? Message, string WwwAuthenticate)> CallAsync(string? token, string method, object parameters, string query = "?codemode=tools")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Resource + query)
        {
            Content = new StringContent(JsonSerializer.Serialize(new { jsonrpc = "2.0", id = 1, method, @params = parameters }), Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await _http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        var json = response.Content.Headers.ContentType?.MediaType == "text/event-stream"
            ? body.Split('\n').Where(line => line.StartsWith("data:", StringComparison.Ordinal)).Select(line => line[5..].Trim()).LastOrDefault()
            : body;
        JsonElement? message = string.IsNullOrWhiteSpace(json) ? null : JsonDocument.Parse(json).RootElement.Clone();
        return (response.StatusCode, message, response.Headers.WwwAuthenticate.ToString());
    }

    public string OutputTail() => _process.OutputTail();

    public void Dispose()
    {
        _http.Dispose();
        _process.Dispose();
    }
}
