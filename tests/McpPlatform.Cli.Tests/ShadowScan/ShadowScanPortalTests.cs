using System.Text.Json;

namespace McpPlatform.Cli.Tests.ShadowScan;

/// <summary><c>shadow-scan --portal appsettings.json</c>: a portal's upstreams are to be reached only through the portal.</summary>
public sealed class ShadowScanPortalTests : IDisposable
{
    private const string PortalHost = "portal.corp.example.com";
    private const string JiraHost = "jira-mcp.corp.example.com";
    private const string PortalClient = "svc-mcp-portal";
    private const string ToolsCall = """{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"search","arguments":{}}}""";

    // As an operator writes it: comments, trailing commas, keys in any case, a stdio upstream without a host.
    private const string AppSettings = """
        {
          // The portal answers here.
          "McpPlatform": {
            "AllowedHosts": [ "portal.corp.example.com" ],
            "portal": {
              "Upstreams": {
                "jira": { "Url": "https://JIRA-MCP.corp.example.com:8443/mcp", "AllowedTools": [ "search" ] },
                "notion": { "url": "https://mcp.notion.com/mcp" },
                "memory": { "Command": "node", "Arguments": [ "server-memory.js" ] },
              },
            },
          },
        }
        """;

    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private string Write(string name, string text)
    {
        var path = _folder.Combine(name);
        File.WriteAllText(path, text);
        return path;
    }

    private string Log() => Write("gateway.jsonl", string.Join('\n', new[]
    {
        Line("2025-06-01T08:00:00Z", PortalHost, "alice"),          // through the portal: approved
        Line("2025-06-01T08:00:01Z", JiraHost, PortalClient),       // the portal calling its upstream
        Line("2025-06-01T08:00:02Z", JiraHost + ":8443", PortalClient),
        Line("2025-06-01T09:00:00Z", JiraHost, "mallory"),          // around the portal
        Line("2025-06-01T09:05:00Z", "mcp.notion.com", "bob"),      // a third-party upstream, reached directly
        Line("2025-06-01T10:00:00Z", "mcp.elsewhere.example", "carol"),
    }) + "\n");

    private static string Line(string time, string host, string user) =>
        JsonSerializer.Serialize(new Dictionary<string, string> { ["time"] = time, ["host"] = host, ["path"] = "/mcp", ["user"] = user, ["body"] = ToolsCall });

    [Fact]
    public async Task Upstream_hosts_reached_around_the_portal_are_reported_and_the_portal_is_approved()
    {
        var allowList = Write("approved.txt", "*.corp.example.com\n"); // approves the jira host too, which --portal overrides

        var run = await CliRun.RunAsync("shadow-scan", Log(), "--portal", Write("appsettings.json", AppSettings), "--portal-client", PortalClient,
            "--approved", allowList, "--all", "--json");

        Assert.True(run.ExitCode == 1, run.Stderr);
        var root = JsonDocument.Parse(run.Stdout).RootElement;
        var hosts = root.GetProperty("hosts").EnumerateArray().ToDictionary(h => h.GetProperty("host").GetString()!);
        Assert.Equal(3, root.GetProperty("unapprovedHosts").GetInt32());
        Assert.Equal(2, root.GetProperty("scanned").GetProperty("portalRequests").GetInt64());

        var jira = hosts[JiraHost];
        Assert.False(jira.GetProperty("approved").GetBoolean());
        Assert.Equal(1, jira.GetProperty("requests").GetInt64());
        Assert.Equal(["mallory"], jira.GetProperty("users").EnumerateArray().Select(u => u.GetString()));
        Assert.Equal(["jira"], jira.GetProperty("portalUpstreams").EnumerateArray().Select(u => u.GetString()));
        Assert.Equal(["notion"], hosts["mcp.notion.com"].GetProperty("portalUpstreams").EnumerateArray().Select(u => u.GetString()));
        Assert.True(hosts[PortalHost].GetProperty("approved").GetBoolean());
        Assert.False(hosts["mcp.elsewhere.example"].TryGetProperty("portalUpstreams", out _));
        Assert.DoesNotContain("warning: no allow-list", run.Stderr);
    }

    [Fact]
    public async Task Without_portal_client_every_request_to_an_upstream_host_is_reported_and_the_text_says_why()
    {
        var run = await CliRun.RunAsync("shadow-scan", Log(), "--portal", Write("appsettings.json", AppSettings));

        Assert.Equal(1, run.ExitCode);
        Assert.Matches($"{JiraHost.Replace(".", "\\.")}\\s.*\\s3\\s+path,jsonrpc\\s+2\\s+no: portal upstream jira, bypasses the portal", run.Stdout);
        Assert.Contains("2 hosts of the portal's upstreams reached directly, not through the portal.", run.Stdout);
        Assert.DoesNotContain(PortalHost, run.Stdout);
    }

    [Theory]
    [InlineData("""{ "McpPlatform": { "Portal": { "Upstreams": { "memory": { "Command": "node" } } } } }""", "appsettings.json: --portal: McpPlatform:Portal:Upstreams has no upstream with a Url")]
    [InlineData("""{ "McpPlatform": { "Portal": { "Upstreams": { "jira": { "Url": "ftp://jira.example.com" } } } } }""", "McpPlatform:Portal:Upstreams:jira:Url 'ftp://jira.example.com' is not an absolute http or https URL")]
    [InlineData("{ \"McpPlatform\": \n { \"Portal\": ", "appsettings.json:2: --portal: not valid JSON")]
    public async Task A_portal_configuration_that_names_no_upstream_host_is_a_usage_error(string appSettings, string expected)
    {
        var run = await CliRun.RunAsync("shadow-scan", Log(), "--portal", Write("appsettings.json", appSettings));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(expected, run.Stderr);
    }

    [Fact]
    public async Task Portal_client_without_portal_is_a_usage_error()
    {
        var run = await CliRun.RunAsync("shadow-scan", Log(), "--portal-client", PortalClient);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--portal-client needs --portal", run.Stderr);
    }
}
