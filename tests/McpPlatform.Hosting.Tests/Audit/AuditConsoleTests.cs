using McpPlatform.Hosting.Tests.Server;

namespace McpPlatform.Hosting.Tests.Audit;

/// <summary>
/// The audit log's console line shows client-chosen text (method, tool, subject): a newline in it must not start
/// a second line that reads like another audit record (log injection).
/// </summary>
[Collection(ConsoleCapture.Name)]
public sealed class AuditConsoleTests : IDisposable
{
    private readonly AuditFolder _audit = new();

    public void Dispose() => _audit.Dispose();

    [Fact]
    public async Task A_subject_with_a_newline_stays_on_its_own_console_line_escaped()
    {
        const string Forged = "[12:00:00 AUD] request tools/call delete_everything by admin: ok (admins)";
        var caller = TestCaller.Default with { Subject = "mallory\n" + Forged + "\r\u001b[2K" };
        var console = new StringWriter();
        var original = Console.Out;
        Console.SetOut(TextWriter.Synchronized(console));
        try
        {
            await using var server = await RunningServer.StartAsync(new ServerSetup { AuditDirectory = _audit.Path });
            await using var client = await server.ConnectClientAsync(caller);
            await client.CallAsync("echo", """{"text":"injected?"}""");
        }
        finally
        {
            Console.SetOut(original);
        }

        var lines = console.ToString().Split('\n');
        Assert.DoesNotContain(lines, l => l.StartsWith(Forged, StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains(@"echo by mallory\n[12:00:00 AUD] request tools/call delete_everything by admin: ok (admins)\r\u001b[2K: ok", StringComparison.Ordinal));
    }
}

/// <summary>Tests that swap <see cref="Console.Out"/> run one at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ConsoleCapture
{
    public const string Name = "console capture";
}
