using McpPlatform.Hosting.Tests.Samples;
using McpPlatform.Hosting.Tests.Server;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol.Client;

namespace McpPlatform.Hosting.Tests.Audit;

/// <summary>
/// What callers see when the audit log cannot be written: governed calls are refused before the tool runs.
/// The audit file is made unwritable by pointing it at <c>/dev/full</c> (every write fails with ENOSPC, as on
/// a full disk), which holds even for root, unlike file permissions.
/// </summary>
public sealed class FailClosedTests : IDisposable
{
    private const string FailClosedMessage = "The audit log cannot be written, so this call was refused (fail closed).";

    private readonly AuditFolder _audit = new();

    public void Dispose() => _audit.Dispose();

    [Fact]
    public async Task Write_call_is_refused_when_the_audit_log_cannot_be_written_and_read_calls_still_run()
    {
        Assert.True(FullDevice.Exists, "This test needs /dev/full (Linux) to make the audit file unwritable.");
        FullDevice.BackTodaysAuditFiles(_audit.Path);
        await using var server = await StartAsync(failClosedReads: false);
        await using var client = await server.ConnectClientAsync();

        var write = await client.CallAsync("open_ticket", """{"ticket":{"title":"Unaudited","priority":"Low"}}""");
        var read = await client.CallAsync("count_call");

        Assert.True(write.IsError);
        Assert.Equal(FailClosedMessage, write.SingleText());
        Assert.Null(write.StructuredContent);
        Assert.NotEqual(true, read.IsError);
        Assert.Equal("1", read.SingleText());
    }

    [Fact]
    public async Task With_fail_closed_reads_a_read_call_is_refused_and_never_reaches_the_tool()
    {
        Assert.True(FullDevice.Exists, "This test needs /dev/full (Linux) to make the audit file unwritable.");
        FullDevice.BackTodaysAuditFiles(_audit.Path);
        await using var server = await StartAsync(failClosedReads: true);
        await using var client = await server.ConnectClientAsync();

        // As in the test below: the session's own records are batched, so the audit log may learn it cannot write before
        // this call (refused as a request) or from this call's record (refused as a tool error); either way the tool never runs.
        try
        {
            var read = await client.CallAsync("count_call");
            Assert.True(read.IsError);
            Assert.Equal(FailClosedMessage, read.SingleText());
        }
        catch (ModelContextProtocol.McpProtocolException refused)
        {
            Assert.Contains("The audit log cannot be written, so this request was refused (fail closed).", refused.Message);
        }

        Assert.Equal(0, server.Services.GetRequiredService<ToolInvocations>().Count("count_call"));
    }

    [Fact]
    public async Task With_fail_closed_reads_lists_are_refused_too_once_the_audit_log_has_failed()
    {
        Assert.True(FullDevice.Exists, "This test needs /dev/full (Linux) to make the audit file unwritable.");
        FullDevice.BackTodaysAuditFiles(_audit.Path);
        await using var server = await StartAsync(failClosedReads: true);
        await using var client = await server.ConnectClientAsync();
        // The audit log learns it cannot write from this call's record or from an earlier one (the session's own
        // records are batched): the call is refused either as a tool error or, once the failure is known, as a request.
        try
        {
            Assert.Equal(FailClosedMessage, (await client.CallAsync("count_call")).SingleText());
        }
        catch (ModelContextProtocol.McpProtocolException refused)
        {
            Assert.Contains("The audit log cannot be written, so this request was refused (fail closed).", refused.Message);
        }

        var list = await Record.ExceptionAsync(async () => await client.ListToolsAsync());

        Assert.True(list is ModelContextProtocol.McpProtocolException, $"tools/list was served although its record could not be written: {list}");
        Assert.Contains("The audit log cannot be written, so this request was refused (fail closed).", list.Message);
    }

    [Fact]
    public async Task Configuring_only_WriteTo_copies_keeps_the_audit_file_whose_failure_refuses_calls()
    {
        Assert.True(FullDevice.Exists, "This test needs /dev/full (Linux) to make the audit file unwritable.");
        FullDevice.BackTodaysAuditFiles(_audit.Path);
        var copies = Directory.CreateTempSubdirectory("mcpplatform-audit-copy-").FullName;
        try
        {
            await using var server = await RunningServer.StartAsync(new ServerSetup
            {
                AuditDirectory = _audit.Path,
                Settings = new Dictionary<string, string?>
                {
                    ["McpPlatform:Audit:Serilog:WriteTo:0:Name"] = "File",
                    ["McpPlatform:Audit:Serilog:WriteTo:0:Args:path"] = Path.Combine(copies, "copy.log"),
                },
            });
            await using var client = await server.ConnectClientAsync();

            var write = await client.CallAsync("open_ticket", """{"ticket":{"title":"Copied only","priority":"Low"}}""");

            Assert.True(write.IsError, "A best-effort WriteTo copy replaced the audit file, so a write call ran although nothing could record it: " + write.SingleText());
            Assert.Equal(FailClosedMessage, write.SingleText());
        }
        finally
        {
            Directory.Delete(copies, recursive: true);
        }
    }

    [Fact]
    public async Task Audit_folder_that_cannot_be_created_fails_start_up_naming_the_setting()
    {
        // A regular file where a parent folder should be: no one, not even root, can create the folder.
        var blocker = Path.Combine(_audit.Path, "not-a-folder");
        await File.WriteAllTextAsync(blocker, "a regular file");
        var folder = Path.Combine(blocker, "audit");

        var failure = await Record.ExceptionAsync(async () =>
        {
            await using var server = await RunningServer.StartAsync(new ServerSetup { AuditDirectory = folder });
        });

        Assert.True(
            failure is not null,
            "The server started with an audit folder it cannot create; every MCP request then fails with a bare "
            + "'An error occurred.' (the audit log is first built on the first request). Bad configuration should fail at start-up.");
        Assert.Contains("McpPlatform:Audit:Directory", failure.ToString());
    }

    private Task<RunningServer> StartAsync(bool failClosedReads) =>
        RunningServer.StartAsync(new ServerSetup
        {
            AuditDirectory = _audit.Path,
            Settings = new Dictionary<string, string?> { ["McpPlatform:Audit:FailClosedReads"] = failClosedReads ? "true" : "false" },
        });

    /// <summary>Points the audit files the rolling sink would open around now at <c>/dev/full</c>.</summary>
    internal static class FullDevice
    {
        private const string Path = "/dev/full";

        public static bool Exists => File.Exists(Path);

        /// <summary>Yesterday's, today's and tomorrow's file names (local date, as the rolling sink names them), so midnight cannot escape.</summary>
        public static void BackTodaysAuditFiles(string folder)
        {
            foreach (var day in new[] { -1, 0, 1 })
            {
                var name = $"audit-{DateTime.Now.AddDays(day):yyyyMMdd}.clef";
                File.CreateSymbolicLink(System.IO.Path.Combine(folder, name), Path);
            }
        }
    }
}
