using McpPlatform.Portal.Configuration;
using McpPlatform.Portal.Health;
using McpPlatform.Portal.Upstreams;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using static McpPlatform.Portal.Tests.Upstreams.UpstreamTestKit;

namespace McpPlatform.Portal.Tests.Upstreams;

/// <summary>The upstreams as the portal's host runs them: configuration, validation, start, readiness, stop.</summary>
public sealed class UpstreamRegistryTests
{
    [Fact]
    public async Task Host_starts_every_upstream_reports_each_in_readiness_and_stops_their_processes()
    {
        using var folder = new TemporaryFolder();
        var port = LoopbackServer.FreePort();
        using var host = Build(new Dictionary<string, string?>
        {
            ["McpPlatform:Portal:Upstreams:memory:Command"] = Node,
            ["McpPlatform:Portal:Upstreams:memory:Arguments:0"] = MemoryServer,
            ["McpPlatform:Portal:Upstreams:memory:Environment:MEMORY_FILE_PATH"] = folder.Combine("memory.jsonl"),
            ["McpPlatform:Portal:Upstreams:nowhere:Url"] = $"http://127.0.0.1:{port}/mcp",
            ["McpPlatform:Portal:Upstreams:nowhere:ConnectTimeout"] = "00:00:02",
        });

        await host.StartAsync();
        var registry = host.Services.GetRequiredService<UpstreamRegistry>();
        Assert.Equal(["memory", "nowhere"], registry.All.Select(upstream => upstream.Namespace));
        Assert.True(registry.TryGet("memory", out var memory));
        Assert.False(registry.TryGet("absent", out _));
        await WaitUntilAsync(() => memory.Client is not null, "memory connects", () => memory.Health.ToString());
        await WaitUntilAsync(() => registry.All[1].Health.State == UpstreamStates.Down, "nowhere is down");

        var report = await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync();
        Assert.Equal(HealthStatus.Healthy, report.Entries["upstream-memory"].Status);
        Assert.Equal(HealthStatus.Degraded, report.Entries["upstream-nowhere"].Status);
        Assert.Contains("upstream 'nowhere' is down", report.Entries["upstream-nowhere"].Description);
        Assert.Equal(HealthStatus.Degraded, report.Status); // one upstream down does not make the portal unready
        Assert.Contains("ready", report.Entries["upstream-memory"].Tags);

        var pid = memory.ProcessId!.Value;
        await host.StopAsync();
        Assert.Equal(UpstreamStates.Stopped, memory.Health.State);
        Assert.Throws<ArgumentException>(() => System.Diagnostics.Process.GetProcessById(pid).Kill());
    }

    [Theory]
    [InlineData("Jira", "Url", "http://127.0.0.1:9/mcp", "Upstream 'Jira': the namespace must be lower-case letters, digits and '-'")]
    [InlineData("jira", "Timeout", "00:00:05", "Upstream 'jira': set exactly one of McpPlatform:Portal:Upstreams:jira:Url")]
    [InlineData("jira", "Url", "ftp://127.0.0.1/mcp", "Upstream 'jira': McpPlatform:Portal:Upstreams:jira:Url must be an absolute http or https URL")]
    [InlineData("jira", "Credentials:Kind", "Bearer", "Upstream 'jira': McpPlatform:Portal:Upstreams:jira:Credentials:Secret must name the secret store entry for Bearer")]
    [InlineData("jira", "Credentials:Kind", "ClientCredentials", "Upstream 'jira': McpPlatform:Portal:Upstreams:jira:Credentials:TokenEndpoint must be")]
    [InlineData("jira", "Credentials:Kind", "TokenExchange", "Upstream 'jira': McpPlatform:Portal:Upstreams:jira:Credentials:ClientId must be")]
    [InlineData("jira", "Credentials:Kind", "Kerberos", "Upstream 'jira': McpPlatform:Portal:Upstreams:jira:Credentials:Kind must be None, Bearer, ApiKey")]
    [InlineData("jira", "MaxRestartDelay", "00:00:00.1", "Upstream 'jira': McpPlatform:Portal:Upstreams:jira:MaxRestartDelay must be at least RestartDelay")]
    [InlineData("jira", "BreakAfterFailures", "0", "Upstream 'jira': McpPlatform:Portal:Upstreams:jira:BreakAfterFailures must be at least 1")]
    public void Invalid_upstream_fails_start_up_naming_the_upstream_and_setting(string space, string setting, string value, string expected)
    {
        var settings = new Dictionary<string, string?> { [$"McpPlatform:Portal:Upstreams:{space}:{setting}"] = value };
        if (setting != "Url" && setting != "Timeout")
        {
            settings[$"McpPlatform:Portal:Upstreams:{space}:Url"] = "http://127.0.0.1:9/mcp";
        }

        using var host = Build(settings);

        var failure = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IOptions<PortalOptions>>().Value);
        Assert.Contains(failure.Failures, message => message.StartsWith(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void An_audience_tool_pattern_with_a_misplaced_wildcard_fails_start_up()
    {
        using var host = Build(new Dictionary<string, string?>
        {
            ["McpPlatform:Portal:Upstreams:jira:Url"] = "http://127.0.0.1:9/mcp",
            ["McpPlatform:Portal:Audiences:finance:Path"] = "/finance/mcp",
            ["McpPlatform:Portal:Audiences:finance:Tools:0"] = "jira_*",
            ["McpPlatform:Portal:Audiences:finance:Tools:1"] = "*_search",
        });

        var failure = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IOptions<PortalOptions>>().Value);
        Assert.Equal(
            "Audience 'finance': McpPlatform:Portal:Audiences:finance:Tools contains '*_search', but a '*' is allowed only at the end ('jira_*' for every tool whose name starts with 'jira_', 'toolset/*' for a tool set, '*' for every tool).",
            Assert.Single(failure.Failures));
    }

    [Fact]
    public void Overlapping_offered_resource_uri_prefixes_fail_start_up_naming_both_upstreams()
    {
        using var host = Build(new Dictionary<string, string?>
        {
            ["McpPlatform:Portal:Upstreams:jira:Url"] = "http://127.0.0.1:9/mcp",
            ["McpPlatform:Portal:Upstreams:jira:ResourceUris:0:Upstream"] = "jira://",
            ["McpPlatform:Portal:Upstreams:jira:ResourceUris:0:Offered"] = "tickets://",
            ["McpPlatform:Portal:Upstreams:wiki:Url"] = "http://127.0.0.1:9/mcp",
            ["McpPlatform:Portal:Upstreams:wiki:ResourceUris:0:Upstream"] = "wiki://",
            ["McpPlatform:Portal:Upstreams:wiki:ResourceUris:0:Offered"] = "tickets://wiki/",
            ["McpPlatform:Portal:Upstreams:docs:Url"] = "http://127.0.0.1:9/mcp",
            ["McpPlatform:Portal:Upstreams:docs:ResourceUris:0:Upstream"] = "docs://",
            ["McpPlatform:Portal:Upstreams:docs:ResourceUris:0:Offered"] = "jira+docs://",
            ["McpPlatform:Portal:Upstreams:docs:ResourceUris:1:Upstream"] = "",
            ["McpPlatform:Portal:Upstreams:docs:ResourceUris:1:Offered"] = "x://",
        });

        var failure = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IOptions<PortalOptions>>().Value);
        Assert.Contains(failure.Failures, m => m.StartsWith("Upstream 'jira' and upstream 'wiki': ResourceUris offer the overlapping URI prefixes 'tickets://' and 'tickets://wiki/'", StringComparison.Ordinal));
        Assert.Contains(failure.Failures, m => m.StartsWith("Upstream 'docs': McpPlatform:Portal:Upstreams:docs:ResourceUris offers the prefix 'jira+docs://', which overlaps the namespaced URIs 'jira+...' of upstream 'jira'", StringComparison.Ordinal));
        Assert.Contains(failure.Failures, m => m.StartsWith("Upstream 'docs': McpPlatform:Portal:Upstreams:docs:ResourceUris:1 needs both Upstream and Offered", StringComparison.Ordinal));
    }

    [Fact]
    public void Two_prompts_under_one_alias_fail_start_up_naming_the_setting()
    {
        using var host = Build(new Dictionary<string, string?>
        {
            ["McpPlatform:Portal:Upstreams:jira:Url"] = "http://127.0.0.1:9/mcp",
            ["McpPlatform:Portal:Upstreams:jira:PromptAliases:summarize_issue"] = "summary",
            ["McpPlatform:Portal:Upstreams:jira:PromptAliases:summarize_epic"] = "summary",
        });

        var failure = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IOptions<PortalOptions>>().Value);
        Assert.Equal(
            "Upstream 'jira': McpPlatform:Portal:Upstreams:jira:PromptAliases offers the prompts 'summarize_epic', 'summarize_issue' all as 'summary'; each alias must name one prompt.",
            Assert.Single(failure.Failures));
    }

    [Fact]
    public void Credentials_on_a_local_upstream_are_refused_pointing_at_environment_secrets()
    {
        using var host = Build(new Dictionary<string, string?>
        {
            ["McpPlatform:Portal:Upstreams:local:Command"] = "node",
            ["McpPlatform:Portal:Upstreams:local:Url"] = null,
            ["McpPlatform:Portal:Upstreams:local:Credentials:Kind"] = "Bearer",
            ["McpPlatform:Portal:Upstreams:local:Credentials:Secret"] = "token",
        });

        var failure = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IOptions<PortalOptions>>().Value);
        Assert.Contains("Environment values 'secret:<name>'", failure.Message);
    }

    private static IHost Build(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddLogging();
        PortalUpstreams.Add(builder.Services, builder.Configuration);
        return builder.Build();
    }
}
