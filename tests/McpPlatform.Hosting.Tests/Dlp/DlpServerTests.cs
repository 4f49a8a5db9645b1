using McpPlatform.Governance.Audit;
using McpPlatform.Governance.Dlp;
using McpPlatform.Hosting.Audit;
using McpPlatform.Hosting.Tests.Audit;
using McpPlatform.Hosting.Tests.Server;

namespace McpPlatform.Hosting.Tests.Dlp;

/// <summary>The data rules as a client and the audit log see them, over real HTTP.</summary>
public sealed class DlpServerTests : IDisposable
{
    private readonly AuditFolder _audit = new();

    [Fact]
    public async Task A_result_over_the_scan_limit_reaches_the_client_as_an_error_naming_the_setting_and_is_audited()
    {
        await using (var server = await StartAsync(new Dictionary<string, string?> { ["McpPlatform:Dlp:MaxScannedChars"] = "40" }))
        {
            await using var client = await server.ConnectClientAsync();

            var result = await client.CallAsync("get_ticket", """{"key":"T-1"}""");

            Assert.True(result.IsError);
            Assert.Contains("McpPlatform:Dlp:MaxScannedChars", result.SingleText());
            Assert.Contains("McpPlatform:Dlp:OverLimit", result.SingleText());
            Assert.DoesNotContain("Printer on fire", result.SingleText());
            Assert.Null(result.StructuredContent);
        }

        var request = Assert.Single(_audit.Read().Requests, r => r.Tool == "get_ticket");
        Assert.Equal("dlp:" + DlpEngine.ScanLimitRule, request.String(AuditFields.Error));
    }

    [Fact]
    public async Task With_over_limit_truncate_the_client_gets_the_part_that_was_scanned()
    {
        await using var server = await StartAsync(new Dictionary<string, string?>
        {
            ["McpPlatform:Dlp:MaxScannedChars"] = "40",
            ["McpPlatform:Dlp:OverLimit"] = "Truncate",
        });
        await using var client = await server.ConnectClientAsync();

        var result = await client.CallAsync("get_ticket", """{"key":"T-1"}""");

        Assert.NotEqual(true, result.IsError);
        var ticket = result.StructuredContent!.Value;
        Assert.Equal("T-1", ticket.GetProperty("key").GetString());
        Assert.False(ticket.TryGetProperty("labelCount", out _));
        Assert.Equal(ticket.GetRawText(), result.SingleText());
        Assert.Equal(true, (bool?)result.Meta?[DlpEngine.ScanIncompleteMetaKey]);
    }

    [Fact]
    public async Task A_disguised_secret_in_an_argument_name_is_refused_and_not_audited()
    {
        var key = "ＡＫＩＡ" + "IOSFODNN7EXAMPLE";
        await using (var server = await StartAsync(new Dictionary<string, string?>()))
        {
            await using var client = await server.ConnectClientAsync();

            var result = await client.CallAsync("echo", $$"""{"text":"hi","{{key}}":1}""");

            Assert.True(result.IsError);
            Assert.Contains("data-loss rule", result.SingleText());
            Assert.Contains("an argument name", result.SingleText());
            Assert.DoesNotContain(key, result.SingleText());
        }

        var trail = _audit.Read();
        Assert.Equal("dlp:api-key", Assert.Single(trail.Requests, r => r.Tool == "echo").String(AuditFields.Rule));
        Assert.DoesNotContain(key, trail.ToString());
    }

    public void Dispose() => _audit.Dispose();

    private Task<RunningServer> StartAsync(Dictionary<string, string?> settings) =>
        RunningServer.StartAsync(new ServerSetup { Settings = settings, AuditDirectory = _audit.Path });
}
