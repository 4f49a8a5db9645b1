using System.Net;
using System.Net.Sockets;
using McpPlatform.Governance.Audit;
using McpPlatform.Hosting.Audit;
using McpPlatform.Hosting.Tests.Server;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace McpPlatform.Hosting.Tests.Audit;

/// <summary>
/// Refused requests are counted per client address before they are audited: past the limit the address
/// gets 429 with Retry-After, nothing more is written one by one, and one summary record per window says
/// how many were dropped; past <c>MaxAddresses</c> further addresses share one count of records
/// (they are not turned away for it, only not recorded one by one).
/// </summary>
public sealed class RefusalLimitTests : AuditedIssuerTests
{
    [Fact]
    public async Task Refusals_past_the_limit_get_429_with_retry_after_and_one_summary_record_instead_of_a_record_each()
    {
        var statuses = new List<int>();
        await using (var server = await StartAsync(new() { ["McpPlatform:Audit:RefusalLimit:PermitLimit"] = "3" }))
        {
            using var http = new HttpClient();
            for (var i = 0; i < 8; i++)
            {
                using var response = await http.SendAsync(RawMcpRequest.Initialize(server.McpUri));
                statuses.Add((int)response.StatusCode);
                if (i >= 3)
                {
                    var retryAfter = Assert.Single(response.Headers.GetValues("Retry-After"));
                    Assert.InRange(int.Parse(retryAfter, System.Globalization.CultureInfo.InvariantCulture), 1, 60);
                    Assert.Contains("Too many refused requests from this address", await response.Content.ReadAsStringAsync());
                }
            }

            // A valid token from the same address waits for the window too: the address is what is limited.
            using var valid = await http.SendAsync(RawMcpRequest.Initialize(server.McpUri, token: server.MintToken(GovernedPolicy.Reader)));
            statuses.Add((int)valid.StatusCode);
        }

        Assert.Equal([401, 401, 401, 429, 429, 429, 429, 429, 429], statuses);
        var trail = Audit.Read();
        var refusals = trail.Refusals.ToList();
        Assert.True(refusals.Count == 4, $"Expected 3 refused records and 1 summary, got:{Environment.NewLine}{trail}");
        Assert.All(refusals.Take(3), r => Assert.Equal("authentication", r.String(AuditFields.Rule)));
        var summary = refusals[3];
        Assert.Equal(("refusal-limit", "refused"), (summary.String(AuditFields.Rule), summary.Outcome));
        Assert.StartsWith("6 refused requests from 127.0.0.1 between ", summary.String(AuditFields.Error));
        Assert.Empty(trail.Requests);
    }

    [Fact]
    public async Task A_new_window_starts_with_a_fresh_count_and_the_summary_of_the_last_one()
    {
        var clock = new ManualClock();
        var statuses = new List<int>();
        AuditTrail trailBeforeStop;
        await using (var server = await StartAsync(new() { ["McpPlatform:Audit:RefusalLimit:PermitLimit"] = "1" }, clock))
        {
            using var http = new HttpClient();
            foreach (var advance in new[] { 0, 0, 0, 61, 0 })
            {
                clock.Advance(TimeSpan.FromSeconds(advance));
                using var response = await http.SendAsync(RawMcpRequest.Initialize(server.McpUri));
                statuses.Add((int)response.StatusCode);
            }

            await server.Services.GetRequiredService<AuditLog>().FlushAsync();
            trailBeforeStop = AuditTrail.Read(Audit.Path);
        }

        Assert.Equal([401, 429, 429, 401, 429], statuses);
        var beforeStop = trailBeforeStop.Refusals.ToList();
        Assert.Equal(["authentication", "refusal-limit", "authentication"], beforeStop.Select(r => r.String(AuditFields.Rule)));
        Assert.StartsWith("2 refused requests from 127.0.0.1 between 2026-12-06T12:00:00", beforeStop[1].String(AuditFields.Error));
        var afterStop = Audit.Read().Refusals.Last();
        Assert.StartsWith("1 refused requests from 127.0.0.1 between 2026-12-06T12:01:01", afterStop.String(AuditFields.Error));
    }

    [Fact]
    public async Task Addresses_past_max_addresses_share_one_record_count_so_many_sources_grow_neither_the_table_nor_the_file()
    {
        var statuses = new List<(string Source, int Status)>();
        await using (var server = await StartAsync(new()
        {
            ["McpPlatform:Audit:RefusalLimit:PermitLimit"] = "1",
            ["McpPlatform:Audit:RefusalLimit:MaxAddresses"] = "2",
        }))
        {
            foreach (var source in new[] { "127.0.0.2", "127.0.0.3", "127.0.0.4", "127.0.0.5", "127.0.0.6", "127.0.0.2" })
            {
                using var http = FromSource(IPAddress.Parse(source));
                using var response = await http.SendAsync(RawMcpRequest.Initialize(server.McpUri));
                statuses.Add((source, (int)response.StatusCode));
            }

        }

        Assert.Equal(
            [("127.0.0.2", 401), ("127.0.0.3", 401), ("127.0.0.4", 401), ("127.0.0.5", 401), ("127.0.0.6", 401), ("127.0.0.2", 429)],
            statuses);
        var refusals = Audit.Read().Refusals.ToList();
        Assert.Equal(3, refusals.Count(r => r.String(AuditFields.Rule) == "authentication")); // .2, .3 and the first past the table (.4)
        var summaries = refusals.Where(r => r.String(AuditFields.Rule) == "refusal-limit").Select(r => r.String(AuditFields.Error)!).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(2, summaries.Count);
        Assert.StartsWith("1 refused requests from 127.0.0.2 ", summaries[0]);
        Assert.StartsWith("2 refused requests from addresses beyond McpPlatform:Audit:RefusalLimit:MaxAddresses ", summaries[1]);
    }

    [Theory]
    [InlineData("PermitLimit", "0")]
    [InlineData("Window", "00:00:00")]
    [InlineData("MaxAddresses", "0")]
    public async Task A_bad_refusal_limit_fails_start_up_naming_the_setting(string setting, string value)
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => StartAsync(new() { ["McpPlatform:Audit:RefusalLimit:" + setting] = value }));

        Assert.Contains("McpPlatform:Audit:RefusalLimit:" + setting, error.Message);
    }

    /// <summary>An HTTP client whose connections come from <paramref name="source"/> (any 127.x address is loopback on Linux).</summary>
    private static HttpClient FromSource(IPAddress source) => new(new SocketsHttpHandler
    {
        ConnectCallback = async (context, cancellationToken) =>
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            try
            {
                socket.Bind(new IPEndPoint(source, 0));
                await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    });

    private Task<RunningServer> StartAsync(Dictionary<string, string?>? settings = null, TimeProvider? clock = null) =>
        StartProductionAsync(settings, setup => setup with { Services = clock is null ? null : services => services.AddSingleton(clock) });

    /// <summary>A clock the test moves; its timers never fire, so windows end only when the test says.</summary>
    private sealed class ManualClock : TimeProvider
    {
        private DateTimeOffset _now = new(2026, 12, 6, 12, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) => new NeverFires();

        private sealed class NeverFires : ITimer
        {
            public bool Change(TimeSpan dueTime, TimeSpan period) => true;

            public void Dispose()
            {
            }

            public ValueTask DisposeAsync() => ValueTask.CompletedTask;
        }
    }
}
