using McpPlatform.Governance.Secrets;
using McpPlatform.Hosting.Secrets;
using McpPlatform.Hosting.Tests.Server;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol.Protocol;

namespace McpPlatform.Hosting.Tests.Secrets;

/// <summary>
/// A known secret goes through every path (used, missing, store down) over real HTTP; afterwards
/// neither the results, the errors, the application log nor the audit log contains it.
/// </summary>
public sealed class SecretLeakTests : IDisposable
{
    private const string Known = "tkt-7Hq2LmV9xR4pW8sN3bZ6";
    private readonly string _logs = Directory.CreateTempSubdirectory("mcpplatform-secret-logs-").FullName;

    private string AuditFolder => Path.Combine(_logs, "audit");
    private readonly SwitchableSecrets _store = new();

    [Fact]
    public async Task A_secret_never_appears_in_results_errors_logs_or_audit_records()
    {
        var logFile = Path.Combine(_logs, "server.log");
        var server = await RunningServer.StartAsync(new ServerSetup
        {
            Settings = new Dictionary<string, string?>
            {
                ["Serilog:MinimumLevel:Default"] = "Verbose",
                ["Serilog:WriteTo:0:Name"] = "File",
                ["Serilog:WriteTo:0:Args:path"] = logFile,
            },
            Services = services => services.AddSingleton<ISecretProvider>(_store),
            AuditDirectory = AuditFolder,
        });

        var texts = new List<string>();
        try
        {
            await using var client = await server.ConnectClientAsync();

            _store.Value = Known;
            var used = await client.CallAsync("sign_in", """{"system":"tickets"}""");
            Assert.NotEqual(true, used.IsError);
            Assert.Contains($"a token of {Known.Length} characters", used.SingleText());

            _store.Value = null;
            var missing = await CallUncachedAsync(server, client);
            Assert.True(missing.IsError);
            Assert.Contains("'ticket-api-token'", missing.SingleText());

            _store.Failure = new SecretProviderException("the store refused the request (403)");
            var unreachable = await CallUncachedAsync(server, client);
            Assert.True(unreachable.IsError);
            Assert.Contains("unavailable", unreachable.SingleText());

            texts.AddRange([used.SingleText(), missing.SingleText(), unreachable.SingleText()]);
        }
        finally
        {
            await server.DisposeAsync();
        }

        texts.Add(await File.ReadAllTextAsync(logFile));
        texts.AddRange(Directory.EnumerateFiles(AuditFolder, "*", SearchOption.AllDirectories).Select(File.ReadAllText));
        Assert.All(texts, text => Assert.DoesNotContain(Known, text));
        // The audit log did record the failing calls, by name (the folder also holds checkpoints and the key store).
        Assert.Contains("ticket-api-token", string.Concat(Directory.EnumerateFiles(AuditFolder, "*.clef").Select(File.ReadAllText)));
    }

    // A fresh SecretAccess forgets the cached value, so the next call asks the store again.
    private static Task<CallToolResult> CallUncachedAsync(RunningServer server, ModelContextProtocol.Client.McpClient client)
    {
        server.Services.GetRequiredService<SecretAccess>().ForgetCachedValues();
        return client.CallAsync("sign_in", """{"system":"tickets"}""");
    }

    public void Dispose() => Directory.Delete(_logs, recursive: true);

    private sealed class SwitchableSecrets : ISecretProvider
    {
        public string? Value { get; set; }

        public SecretProviderException? Failure { get; set; }

        public string Name => "test-store";

        public ValueTask<SecretValue?> GetSecretAsync(string name, CancellationToken cancellationToken) =>
            Failure is { } failure
                ? throw failure
                : ValueTask.FromResult(Value is null ? null : new SecretValue(Value, "1"));
    }
}
