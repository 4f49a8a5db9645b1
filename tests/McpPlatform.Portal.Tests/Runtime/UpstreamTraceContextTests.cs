using System.Collections.Concurrent;
using System.Diagnostics;
using McpPlatform.Governance.Telemetry;

namespace McpPlatform.Portal.Tests.Runtime;

/// <summary>
/// W3C trace context on a portal's upstream call: the upstream MCP server gets a <c>traceparent</c> of the same trace as
/// the portal's <c>mcpplatform.upstream</c> span of that call, so the caller's trace continues into the upstream.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class UpstreamTraceContextTests(PortalFixture fixture) : IDisposable
{
    private readonly ConcurrentQueue<Activity> _spans = new();
    private ActivityListener? _listener;

    public void Dispose() => _listener?.Dispose();

    [Fact]
    public async Task An_upstream_tool_call_carries_the_trace_of_the_portal_span_that_made_it()
    {
        // What an OpenTelemetry SDK listening to the platform's source does: every platform span created and recorded.
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == PlatformTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = _spans.Enqueue,
        };
        ActivitySource.AddActivityListener(_listener);
        var query = $"traced-{Guid.NewGuid():N}";
        await using var analyst = await fixture.Portal.ConnectAsync(PortalCaller.Analyst);
        var seenBefore = fixture.Lab.TraceParents.Count;

        var result = await analyst.CallToolAsync("lab_lookup", new Dictionary<string, object?> { ["query"] = query });

        Assert.NotEqual(true, result.IsError);
        var traceIds = fixture.Lab.TraceParents.Skip(seenBefore).Select(header => header.Split('-')[1]).ToHashSet();
        Assert.NotEmpty(traceIds);
        Assert.Contains(_spans, span =>
            span.OperationName == "mcpplatform.upstream" && span.Kind == ActivityKind.Client
            && (string?)span.GetTagItem("mcp.tool.name") == "lookup" && traceIds.Contains(span.TraceId.ToHexString()));
    }
}
