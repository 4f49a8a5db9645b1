using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using McpPlatform.Governance;
using McpPlatform.Governance.Audit;
using McpPlatform.Hosting.Audit;
using McpPlatform.Hosting.Tests.Server;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace McpPlatform.Hosting.Tests.Audit;

/// <summary>
/// Every answer of the MCP endpoint leaves a record: bodies over the limit (413), the transport's own
/// refusals (400, 406, 415, ...) and the client's notifications, not only 401/403/429.
/// </summary>
public sealed class ResponseRecordTests : AuditedIssuerTests
{
    [Fact]
    public async Task A_body_over_the_limit_is_answered_413_with_a_json_rpc_error_and_audited()
    {
        await using (var server = await StartAsync(new() { ["McpPlatform:MaxRequestBodyBytes"] = "65536" }))
        {
            var token = server.MintToken(GovernedPolicy.Reader);
            using var http = new HttpClient();
            var body = ToolCallBody(new string('x', 70_000));

            using var declared = await http.SendAsync(Post(server.McpUri, token, new StringContent(body, Encoding.UTF8, "application/json")));
            using var chunked = await http.SendAsync(Post(server.McpUri, token, new ChunkedContent(body)));
            using var withinLimit = await http.SendAsync(Post(server.McpUri, token, new StringContent(ToolCallBody("fits"), Encoding.UTF8, "application/json")));

            foreach (var tooLarge in new[] { declared, chunked })
            {
                Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);
                var error = JsonNode.Parse(await tooLarge.Content.ReadAsStringAsync())!["error"]!;
                Assert.Equal(-32600, (int)error["code"]!);
                Assert.Equal("Request body too large: this server accepts at most 65536 bytes per message.", (string?)error["message"]);
            }

            Assert.Equal(HttpStatusCode.OK, withinLimit.StatusCode);
        }

        var trail = Audit.Read();
        var refusals = trail.Refusals.ToList();
        Assert.True(refusals.Count == 2, $"Expected two refused records, got:{Environment.NewLine}{trail}");
        Assert.All(refusals, r => Assert.Equal(
            ("body-too-large", "HTTP 413", "refused", GovernedPolicy.Reader.Subject),
            (r.String(AuditFields.Rule), r.String(AuditFields.Error), r.Outcome, r.String(AuditFields.Subject))));
        Assert.Single(trail.Requests);
    }

    [Fact]
    public async Task The_default_body_limit_is_one_megabyte()
    {
        await using var server = await StartAsync();
        using var http = new HttpClient();
        using var response = await http.SendAsync(Post(
            server.McpUri, server.MintToken(GovernedPolicy.Reader), new StringContent(ToolCallBody(new string('x', 1024 * 1024)), Encoding.UTF8, "application/json")));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(1024 * 1024, server.Services.GetRequiredService<IOptions<McpPlatformOptions>>().Value.MaxRequestBodyBytes);
    }

    [Fact]
    public async Task Transport_refusals_400_406_and_415_each_leave_a_refused_record()
    {
        int[] statuses;
        await using (var server = await StartAsync())
        {
            var token = server.MintToken(GovernedPolicy.Reader);
            using var http = new HttpClient();
            using var malformed = await http.SendAsync(Post(server.McpUri, token, new StringContent("{not json", Encoding.UTF8, "application/json")));
            var noEventStream = Post(server.McpUri, token, new StringContent(ToolCallBody("hi"), Encoding.UTF8, "application/json"));
            noEventStream.Headers.Accept.Clear();
            noEventStream.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));
            using var notAcceptable = await http.SendAsync(noEventStream);
            using var plainText = await http.SendAsync(Post(server.McpUri, token, new StringContent(ToolCallBody("hi"), Encoding.UTF8, "text/plain")));
            statuses = [(int)malformed.StatusCode, (int)notAcceptable.StatusCode, (int)plainText.StatusCode];
        }

        Assert.Equal([400, 406, 415], statuses);
        var trail = Audit.Read();
        Assert.Equal(
            [("bad-request", "HTTP 400"), ("not-acceptable", "HTTP 406"), ("unsupported-media-type", "HTTP 415")],
            trail.Refusals.Select(r => (r.String(AuditFields.Rule), r.String(AuditFields.Error))));
        Assert.All(trail.Refusals, r => Assert.Equal(("HTTP POST", GovernedPolicy.Reader.Subject), (r.Method, r.String(AuditFields.Subject))));
    }

    [Theory]
    [InlineData("Stateless")]
    [InlineData("Stateful")]
    public async Task Notifications_from_the_client_each_leave_a_record_with_method_and_session(string sessionMode)
    {
        string? sessionId;
        await using (var server = await StartAsync(new() { ["McpPlatform:SessionMode"] = sessionMode }))
        {
            using var session = await RawMcpSession.OpenAsync(server.McpUri, server.MintToken(GovernedPolicy.Reader));
            sessionId = session.SessionId;
            using var cancelled = await session.PostRawAsync("""{"jsonrpc":"2.0","method":"notifications/cancelled","params":{"requestId":7,"reason":"changed my mind"}}""");
            Assert.True(cancelled.IsSuccessStatusCode, $"{(int)cancelled.StatusCode}");
        }

        var notifications = Audit.Read().Lines.Where(l => l.Kind == AuditRecord.NotificationKind).ToList();
        Assert.Equal(["notifications/initialized", "notifications/cancelled"], notifications.Select(n => n.Method));
        Assert.All(notifications, n =>
        {
            Assert.Equal((sessionId, GovernedPolicy.Reader.Subject, "ok"), (n.SessionId, n.String(AuditFields.Subject), n.Outcome));
            Assert.Null(n.RequestId);
        });
    }

    [Theory]
    [InlineData("Stateless")]
    [InlineData("Stateful")]
    public async Task A_normal_client_session_leaves_at_most_its_discovery_probe_as_a_refused_record(string sessionMode)
    {
        await using (var server = await StartAsync(new() { ["McpPlatform:SessionMode"] = sessionMode }))
        {
            await using var client = await server.ConnectClientAsync(GovernedPolicy.Reader);
            await client.ListToolsAsync();
            await client.CallToolAsync("echo", new Dictionary<string, object?> { ["text"] = "hi" });
        }

        // The official client probes with server/discover first; a Stateful server answers that 400
        // (no session yet) and the client falls back to initialize: one refusal per Stateful session,
        // which the default refusal limit leaves room for.
        var trail = Audit.Read();
        var refusals = trail.Refusals.Select(r => r.String(AuditFields.Rule)).ToList();
        Assert.Equal(sessionMode == "Stateful" ? ["bad-request"] : [], refusals);
        Assert.Equal(["tools/list", "tools/call"], trail.Requests.Select(r => r.Method).Where(m => m is "tools/list" or "tools/call"));
    }

    private static string ToolCallBody(string text) =>
        new JsonObject
        {
            ["jsonrpc"] = "2.0",
            ["id"] = 1,
            ["method"] = "tools/call",
            ["params"] = new JsonObject { ["name"] = "echo", ["arguments"] = new JsonObject { ["text"] = text } },
        }.ToJsonString();

    private static HttpRequestMessage Post(Uri mcpUri, string token, HttpContent content)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, mcpUri) { Content = content };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return request;
    }

    private Task<RunningServer> StartAsync(Dictionary<string, string?>? settings = null) => StartProductionAsync(settings);

    /// <summary>A body sent without Content-Length (chunked), so only the server's read limit can stop it.</summary>
    private sealed class ChunkedContent : HttpContent
    {
        private readonly string _text;

        public ChunkedContent(string text)
        {
            _text = text;
            Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
            stream.WriteAsync(Encoding.UTF8.GetBytes(_text)).AsTask();

        protected override bool TryComputeLength(out long length)
        {
            length = -1;
            return false;
        }
    }
}
