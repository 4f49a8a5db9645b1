using McpPlatform.Hosting.Tests.Server;
using Microsoft.Extensions.Options;
using ModelContextProtocol.Client;

namespace McpPlatform.Hosting.Tests.Audit;

/// <summary>
/// <c>McpPlatform:Audit:FlushInterval</c>: how long records nobody waits for may gather before they are
/// written. They still reach the file on their own while the server runs, and shutdown writes them at once.
/// </summary>
public sealed class FlushIntervalTests : IDisposable
{
    private const string Setting = "McpPlatform:Audit:FlushInterval";

    private readonly AuditFolder _audit = new();

    public void Dispose() => _audit.Dispose();

    [Fact]
    public async Task A_read_calls_record_reaches_the_file_while_the_server_keeps_running()
    {
        await using var server = await StartAsync("00:00:00.050");
        await using var client = await server.ConnectClientAsync();

        await client.CallAsync("echo", """{"text":"gathered"}""");

        // No flush and no shutdown: the writer takes the record once the interval has passed.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!FileText().Contains("\"Tool\":\"echo\"", StringComparison.Ordinal))
        {
            Assert.True(DateTime.UtcNow < deadline, "The record of the echo call never reached the audit file while the server ran.");
            await Task.Delay(20);
        }
    }

    [Fact]
    public async Task Stopping_the_server_writes_records_gathering_under_the_longest_interval()
    {
        const int Calls = 20;
        await using (var server = await StartAsync("00:00:01"))
        {
            await using var client = await server.ConnectClientAsync();
            for (var i = 0; i < Calls; i++)
            {
                await client.CallAsync("echo", $$"""{"text":"call {{i}}"}""");
            }
        }

        var trail = _audit.Read();

        Assert.Equal(Calls, trail.Requests.Count(l => l.Tool == "echo" && l.Outcome == "ok"));
        AuditChainCheck.AssertIntact(trail);
    }

    [Theory]
    [InlineData("-00:00:00.001")]
    [InlineData("00:00:01.001")]
    public async Task An_interval_outside_zero_to_one_second_stops_start_up_naming_the_setting(string interval)
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => StartAsync(interval));

        Assert.Contains($"{Setting} must be between 00:00:00 and 00:00:01", error.Message);
    }

    private Task<RunningServer> StartAsync(string interval) =>
        RunningServer.StartAsync(new ServerSetup
        {
            AuditDirectory = _audit.Path,
            Settings = new Dictionary<string, string?> { [Setting] = interval },
        });

    /// <summary>The audit files as they are now, read alongside the writer.</summary>
    private string FileText() =>
        string.Concat(Directory.GetFiles(_audit.Path, "*.clef").Select(file =>
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd();
        }));
}
