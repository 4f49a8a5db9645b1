using System.Collections.Concurrent;
using System.Text;
using McpPlatform.Governance.Telemetry;
using McpPlatform.Hosting.Tests.Server;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace McpPlatform.Hosting.Tests.Telemetry;

/// <summary>
/// The template's OpenTelemetry lines (Program.cs of mcp-governed and mcp-portal), copied as they are, against a real
/// OTLP/HTTP receiver on loopback: with OTEL_EXPORTER_OTLP_ENDPOINT set, the platform's spans and metrics arrive there.
/// </summary>
public sealed class OtlpExportTests
{
    [Fact]
    public async Task The_template_wiring_exports_platform_spans_and_metrics_over_otlp()
    {
        await using var receiver = await OtlpReceiver.StartAsync();
        var server = await RunningServer.StartAsync(new ServerSetup
        {
            Settings = new Dictionary<string, string?>
            {
                ["OTEL_EXPORTER_OTLP_ENDPOINT"] = receiver.Endpoint.ToString().TrimEnd('/'),
                ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
                ["OTEL_METRIC_EXPORT_INTERVAL"] = "500",
            },
            Services = services =>
            {
                // The template's lines; its condition (OTEL_EXPORTER_OTLP_ENDPOINT set) holds here, so UseOtlpExporter runs.
                var telemetry = services.AddOpenTelemetry()
                    .ConfigureResource(resource => resource.AddService("otlp-export-test"))
                    .WithTracing(tracing => tracing.AddSource(PlatformTelemetry.Sources).AddAspNetCoreInstrumentation().AddHttpClientInstrumentation())
                    .WithMetrics(metrics => metrics.AddMeter(PlatformTelemetry.Meters).AddAspNetCoreInstrumentation().AddHttpClientInstrumentation());
                telemetry.UseOtlpExporter();
            },
        });
        await using (server)
        {
            await using var client = await server.ConnectClientAsync();
            var result = await client.CallAsync("echo", """{"text":"traced"}""");
            Assert.Equal("traced", result.SingleText());
        }

        // Stopping the server flushed its providers: the batch with the gate's span and the counters went out.
        Assert.Contains("mcpplatform.gate", receiver.Received("/v1/traces"));
        Assert.Contains("mcpplatform.tool", receiver.Received("/v1/traces"));
        Assert.Contains("mcpplatform.tool.calls", receiver.Received("/v1/metrics"));
    }

    /// <summary>Accepts OTLP/HTTP posts and keeps their bodies (protobuf: span and metric names appear as UTF-8 strings).</summary>
    private sealed class OtlpReceiver : IAsyncDisposable
    {
        private readonly WebApplication _app;
        private readonly ConcurrentQueue<(string Path, byte[] Body)> _posts = new();

        private OtlpReceiver(WebApplication app) => _app = app;

        public Uri Endpoint { get; private set; } = null!;

        public static async Task<OtlpReceiver> StartAsync()
        {
            var app = LoopbackWebApp.Create(typeof(OtlpReceiver).Assembly.GetName().Name!);
            var receiver = new OtlpReceiver(app);
            app.MapPost("/v1/{signal}", async (HttpRequest request) =>
            {
                using var body = new MemoryStream();
                await request.Body.CopyToAsync(body);
                receiver._posts.Enqueue((request.Path.Value!, body.ToArray()));
                return Results.Ok();
            });
            await app.StartAsync();
            receiver.Endpoint = LoopbackWebApp.BoundAddress(app, "The OTLP receiver");
            return receiver;
        }

        public string Received(string path) =>
            string.Join('\n', _posts.Where(post => post.Path == path).Select(post => Encoding.UTF8.GetString(post.Body)));

        public async ValueTask DisposeAsync()
        {
            await LoopbackWebApp.StopAsync(_app);
            await _app.DisposeAsync();
        }
    }
}
