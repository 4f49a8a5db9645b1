using System.Collections.Concurrent;
using System.Diagnostics;
using McpPlatform.Governance.Telemetry;
using McpPlatform.Hosting.Tests.OpenApi;
using McpPlatform.Hosting.Tests.Server;

namespace McpPlatform.Hosting.Tests.Telemetry;

/// <summary>
/// W3C trace context on an OpenAPI operation's call: the loopback API gets a <c>traceparent</c> of the same trace as the
/// platform's spans of the tool call that made it, so an operator sees the API call inside the caller's trace.
/// </summary>
public sealed class TraceContextPropagationTests : IDisposable
{
    private readonly ConcurrentQueue<Activity> _spans = new();
    private readonly ActivityListener _listener;

    public TraceContextPropagationTests()
    {
        // What an OpenTelemetry SDK listening to the platform's source does: every platform span created and recorded.
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == PlatformTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = _spans.Enqueue,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public void Dispose() => _listener.Dispose();

    [Fact]
    public async Task An_openapi_call_carries_the_trace_of_the_platform_span_that_made_it()
    {
        await using var api = await LoopbackApi.StartAsync();
        await using var server = await OpenApiServer.StartAsync(api);
        await using var client = await server.ConnectClientAsync();

        var result = await client.CallAsync("inv_get_item", """{"itemId":"traced","verbose":false}""");

        Assert.NotEqual(true, result.IsError);
        var traceParent = Assert.Single(api.TraceParents);
        var parts = traceParent.Split('-');
        Assert.Equal(4, parts.Length); // version-traceid-parentid-flags
        var traceId = ActivityTraceId.CreateFromString(parts[1]);
        var tool = Assert.Single(_spans, span => span.OperationName == "mcpplatform.tool" && span.TraceId == traceId);
        Assert.Equal("inv_get_item", tool.GetTagItem("mcp.tool.name"));
        Assert.Contains(_spans, span => span.OperationName == "mcpplatform.gate" && span.TraceId == traceId);
    }
}
