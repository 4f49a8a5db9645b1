using System.Net;
using System.Net.Http.Headers;
using System.Text;
using McpPlatform.Hosting.Tests.Server;
using Microsoft.Extensions.Hosting;

namespace McpPlatform.Hosting.Tests.Fleet;

/// <summary>
/// Stateful sessions across two replicas sharing a real redis-server and one resource URI (as behind one proxy): a
/// session opened on one replica continues on the other for the same caller, and is refused to anyone else.
/// </summary>
public sealed class SessionMigrationTests : FleetTestBase
{
    private readonly string _prefix = $"test-{Guid.NewGuid():N}:";

    [Fact]
    public async Task A_session_started_on_one_replica_continues_on_another_for_its_caller_only()
    {
        await using var first = await StartAsync(resource: null);
        await using var second = await StartAsync(resource: first.McpUri.AbsoluteUri);
        var token = first.MintToken(GovernedPolicy.Reader);
        var otherCaller = first.MintToken(GovernedPolicy.Auditor);
        using var http = new HttpClient();

        using var initialize = await PostAsync(http, first.McpUri, token, null,
            """{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"fleet-test","version":"1.0.0"}}}""");
        var session = initialize.Headers.GetValues("Mcp-Session-Id").Single();

        // Another caller presenting the id on a replica that does not know the session yet: the handshake is not handed over.
        using var stolen = await PostAsync(http, second.McpUri, otherCaller, session,
            """{"jsonrpc":"2.0","id":3,"method":"tools/call","params":{"name":"echo","arguments":{"text":"not mine"}}}""");
        using var initialized = await PostAsync(http, second.McpUri, token, session, """{"jsonrpc":"2.0","method":"notifications/initialized"}""");
        using var onSecond = await PostAsync(http, second.McpUri, token, session,
            """{"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"echo","arguments":{"text":"moved"}}}""");
        using var unknown = await PostAsync(http, second.McpUri, token, "no-such-session",
            """{"jsonrpc":"2.0","id":4,"method":"tools/call","params":{"name":"echo","arguments":{"text":"x"}}}""");

        Assert.Equal(HttpStatusCode.OK, initialize.StatusCode);
        Assert.True(initialized.IsSuccessStatusCode, $"notifications/initialized on the other replica: {initialized.StatusCode}");
        Assert.Equal(HttpStatusCode.OK, onSecond.StatusCode);
        Assert.Contains("moved", await onSecond.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, stolen.StatusCode);
        Assert.DoesNotContain("not mine", await stolen.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient http, Uri uri, string token, string? session, string body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (session is not null)
        {
            request.Headers.Add("Mcp-Session-Id", session);
            request.Headers.Add("MCP-Protocol-Version", "2025-06-18");
        }

        var response = await http.SendAsync(request);
        await response.Content.LoadIntoBufferAsync();
        return response;
    }

    private Task<RunningServer> StartAsync(string? resource)
    {
        var settings = new Dictionary<string, string?>(GovernedPolicy.Settings)
        {
            ["McpPlatform:SessionMode"] = "Stateful",
            ["McpPlatform:Redis:Configuration"] = Redis.Configuration,
            ["McpPlatform:Redis:KeyPrefix"] = _prefix,
        };
        if (resource is not null)
        {
            settings["McpPlatform:Authentication:Resource"] = resource; // one public URI for the fleet
        }

        return RunningServer.StartAsync(new ServerSetup
        {
            Environment = Environments.Production,
            Issuer = Issuer,
            GrantTestCallerEverything = false,
            Settings = settings,
        });
    }
}
