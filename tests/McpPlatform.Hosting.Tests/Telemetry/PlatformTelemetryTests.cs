using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using McpPlatform.Governance.Telemetry;
using McpPlatform.Hosting.Tests.Authentication;
using McpPlatform.Hosting.Tests.Server;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace McpPlatform.Hosting.Tests.Telemetry;

/// <summary>
/// The platform's spans and metrics as an OpenTelemetry SDK with in-memory exporters sees them, wired the way the
/// template wires OTLP: real calls with real tokens, one trace id sent by the client (W3C traceparent), so only this
/// test's spans are looked at; metrics keyed by a data rule only this test's server has.
/// </summary>
public sealed class PlatformTelemetryTests : IAsyncLifetime
{
    private readonly List<Activity> _spans = [];
    private readonly List<Metric> _metrics = [];
    private readonly string _rule = $"otel-test-{Guid.NewGuid():N}"[..20];
    private TestOidcIssuer _issuer = null!;

    public async Task InitializeAsync() => _issuer = await TestOidcIssuer.StartAsync();

    public async Task DisposeAsync() => await _issuer.DisposeAsync();

    [Fact]
    public async Task A_tool_call_is_traced_through_auth_policy_data_rules_gate_and_tool_and_counted()
    {
        await using var server = await StartAsync();
        var token = server.MintToken(GovernedPolicy.SupportWriter);
        var traceId = ActivityTraceId.CreateRandom();

        var answer = await CallAsync(server, token, traceId, "open_ticket", """{"ticket":{"title":"see ORDER-12345","priority":"High"}}""");
        var denied = await CallAsync(server, server.MintToken(GovernedPolicy.Reader), ActivityTraceId.CreateRandom(), "open_ticket", """{"ticket":{"title":"x","priority":"Low"}}""");
        server.Services.GetRequiredService<TracerProvider>().ForceFlush();
        server.Services.GetRequiredService<MeterProvider>().ForceFlush();

        Assert.Contains("T-100", answer);
        Assert.Contains("Denied by policy", denied);
        Activity[] ours;
        lock (_spans)
        {
            ours = [.. _spans.Where(span => span.TraceId == traceId)];
        }

        var names = ours.Select(span => span.OperationName).ToHashSet();
        Assert.Superset(new HashSet<string> { "mcpplatform.auth", "mcpplatform.gate", "mcpplatform.policy", "mcpplatform.dlp.arguments", "mcpplatform.limits", "mcpplatform.audit.intent", "mcpplatform.tool" }, names);
        Assert.Contains(ours, span => span.Source.Name == PlatformTelemetry.SdkName); // the MCP SDK's own spans, same trace
        var gate = ours.Single(span => span.OperationName == "mcpplatform.gate");
        Assert.Equal("open_ticket", gate.GetTagItem("mcp.tool.name"));
        Assert.Equal("allowed", gate.GetTagItem("mcpplatform.decision"));
        Assert.Equal(_rule, ours.Single(span => span.OperationName == "mcpplatform.dlp.arguments").GetTagItem("mcpplatform.dlp.rules"));
        Assert.All(ours.Where(span => span.OperationName.StartsWith("mcpplatform.", StringComparison.Ordinal)), span => Assert.DoesNotContain("ORDER-12345", string.Join(' ', span.Tags.Select(t => t.Value))));

        Assert.Equal(1, Sum("mcpplatform.dlp.hits", ("mcpplatform.rule", _rule), ("mcpplatform.dlp.where", "arguments"), ("mcpplatform.dlp.action", "redact")));
        Assert.True(Sum("mcpplatform.tool.calls", ("mcp.tool.name", "open_ticket"), ("mcpplatform.outcome", "ok")) >= 1);
        Assert.True(Sum("mcpplatform.tool.calls", ("mcp.tool.name", "open_ticket"), ("mcpplatform.outcome", "denied")) >= 1);
        Assert.True(Sum("mcpplatform.policy.denials", ("mcp.tool.name", "open_ticket")) >= 1);
        Assert.Contains(_metrics, metric => metric.Name == "mcpplatform.audit.write.duration");
        Assert.Contains(_metrics, metric => metric.Name == "mcpplatform.audit.queue.length");
    }

    [Fact]
    public async Task A_request_over_the_budget_is_counted_as_rate_limited()
    {
        await using var server = await StartAsync(new() { ["McpPlatform:RateLimits:PerCaller:TokenLimit"] = "1", ["McpPlatform:RateLimits:PerCaller:TokensPerPeriod"] = "1", ["McpPlatform:RateLimits:PerCaller:ReplenishmentPeriod"] = "01:00:00" });
        var token = server.MintToken(GovernedPolicy.Reader);
        server.Services.GetRequiredService<MeterProvider>().ForceFlush();
        var before = Sum("mcpplatform.rate_limited", ("mcpplatform.limit", "request"));

        using var first = await BearerChallenges.SendInitializeAsync(server.McpUri, token);
        using var second = await BearerChallenges.SendInitializeAsync(server.McpUri, token);
        server.Services.GetRequiredService<MeterProvider>().ForceFlush();

        Assert.Equal(429, (int)second.StatusCode);
        Assert.True(Sum("mcpplatform.rate_limited", ("mcpplatform.limit", "request")) > before);
    }

    private static async Task<string> CallAsync(RunningServer server, string token, ActivityTraceId traceId, string tool, string arguments)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, server.McpUri)
        {
            Content = new StringContent($$$"""{"jsonrpc":"2.0","id":7,"method":"tools/call","params":{"name":"{{{tool}}}","arguments":{{{arguments}}}}}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Headers.Add("MCP-Protocol-Version", "2025-06-18");
        request.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom()}-01");
        using var response = await http.SendAsync(request);
        return await response.Content.ReadAsStringAsync();
    }

    private long Sum(string name, params (string Key, string Value)[] tags)
    {
        long total = 0;
        lock (_metrics)
        {
            foreach (var metric in _metrics.Where(m => m.Name == name))
            {
                foreach (ref readonly var point in metric.GetMetricPoints())
                {
                    var pointTags = new Dictionary<string, object?>();
                    foreach (var tag in point.Tags)
                    {
                        pointTags[tag.Key] = tag.Value;
                    }

                    if (tags.All(t => Equals(pointTags.GetValueOrDefault(t.Key), t.Value)))
                    {
                        total = Math.Max(total, point.GetSumLong()); // cumulative: the latest export holds the total
                    }
                }
            }
        }

        return total;
    }

    private Task<RunningServer> StartAsync(Dictionary<string, string?>? extra = null) =>
        RunningServer.StartAsync(new ServerSetup
        {
            Environment = Environments.Production,
            Issuer = _issuer,
            GrantTestCallerEverything = false,
            Settings = new Dictionary<string, string?>(GovernedPolicy.Settings.Concat(extra ?? []))
            {
                ["McpPlatform:Dlp:Rules:0:Name"] = _rule,
                ["McpPlatform:Dlp:Rules:0:Pattern"] = "ORDER-[0-9]{5}",
                ["McpPlatform:Dlp:Rules:0:Action"] = "Redact",
            },
            // What the template wires, with in-memory exporters in place of OTLP.
            Services = services => services.AddOpenTelemetry()
                .WithTracing(tracing => tracing.AddSource(PlatformTelemetry.Sources).AddAspNetCoreInstrumentation().AddInMemoryExporter(_spans))
                .WithMetrics(metrics => metrics.AddMeter(PlatformTelemetry.Meters).AddInMemoryExporter(_metrics)),
        });
}
