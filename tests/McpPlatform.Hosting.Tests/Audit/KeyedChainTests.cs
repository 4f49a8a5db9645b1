using System.Text.Json;
using McpPlatform.Governance.Audit;
using McpPlatform.Governance.Secrets;
using McpPlatform.Hosting.Audit;
using McpPlatform.Hosting.Secrets;
using McpPlatform.Hosting.Tests.Server;
using McpPlatform.Secrets.LocalStore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace McpPlatform.Hosting.Tests.Audit;

/// <summary>
/// The audit chain is keyed: each record's hash is an HMAC-SHA256 under the audit chain key from the secret store,
/// so whoever can write the audit file cannot rewrite it and recompute the chain without the key.
/// </summary>
public sealed class KeyedChainTests : IDisposable
{
    private readonly AuditFolder _audit = new();

    public void Dispose() => _audit.Dispose();

    [Fact]
    public async Task Record_hashes_are_hmacs_under_the_key_in_the_secret_store_which_appears_nowhere_in_the_records()
    {
        await using (var server = await RunningServer.StartAsync(new ServerSetup { AuditDirectory = _audit.Path }))
        {
            await using var client = await server.ConnectClientAsync();
            await client.CallAsync("echo", """{"text":"keyed"}""");
        }

        var trail = _audit.Read();
        var secret = (await LocalSecretStore.Open(Path.Combine(_audit.Path, "secrets")).GetSecretAsync(AuditChainKey.DefaultSecretName, CancellationToken.None))?.Value;
        Assert.True(secret is not null, "Development did not create the audit chain key in the local secret store.");
        var key = AuditChainKey.FromSecret(secret);
        var echo = Assert.Single(trail.Requests, l => l.Tool == "echo");
        Assert.Equal(AuditFields.SchemaVersion, echo.String(AuditFields.AuditSchema));
        Assert.Equal(echo.String(AuditFields.Hash), AuditChain.ComputeHash(echo.Fields, key));
        Assert.NotEqual(echo.String(AuditFields.Hash), AuditChain.ComputeHash(echo.Fields)); // not a plain SHA-256 anyone can recompute
        AuditChainCheck.AssertIntact(trail);

        foreach (var file in Directory.GetFiles(_audit.Path, "*", SearchOption.AllDirectories).Where(f => !f.Contains("secrets", StringComparison.Ordinal)))
        {
            Assert.DoesNotContain(secret, await File.ReadAllTextAsync(file), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_missing_key_outside_Development_refuses_to_start_naming_the_secret_and_the_setting()
    {
        var failure = await Record.ExceptionAsync(async () =>
        {
            await using var server = await RunningServer.StartAsync(new ServerSetup
            {
                Environment = Environments.Production,
                AuditDirectory = _audit.Path,
                GrantTestCallerEverything = false,
                Services = services => services.AddSingleton<ISecretProvider>(new EmptyVault()),
                Settings = new Dictionary<string, string?>
                {
                    ["McpPlatform:Authentication:Authority"] = "https://login.example.com/tenant",
                    ["McpPlatform:Authentication:Resource"] = "https://mcp.example.com/mcp",
                },
            });
        });

        Assert.True(failure is InvalidOperationException, $"The server started without an audit chain key in Production: {failure}");
        Assert.Contains("the audit chain key 'audit-chain-key' does not exist in the key-vault store", failure.Message);
        Assert.Contains("McpPlatform:Audit:KeySecretName", failure.Message);
    }

    [Fact]
    public async Task A_key_too_short_to_be_a_key_refuses_to_start_without_printing_it()
    {
        const string Short = "hunter2-is-not-a-key";
        var failure = await Record.ExceptionAsync(async () =>
        {
            await using var server = await RunningServer.StartAsync(new ServerSetup
            {
                AuditDirectory = _audit.Path,
                Services = services => services.AddSingleton<ISecretProvider>(new EmptyVault(Short)),
            });
        });

        Assert.True(failure is InvalidOperationException, $"The server started with a {Short.Length}-character audit chain key: {failure}");
        Assert.Contains("too short", failure.Message);
        Assert.DoesNotContain(Short, failure.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_chain_opens_with_a_record_naming_why_it_started_and_the_previous_chains_head_on_disk()
    {
        for (var run = 0; run < 2; run++)
        {
            await using var server = await RunningServer.StartAsync(new ServerSetup { AuditDirectory = _audit.Path });
            await using var client = await server.ConnectClientAsync();
            await client.CallAsync("echo", $$"""{"text":"run {{run}}"}""");
        }

        var trail = _audit.Read();

        var chains = AuditChainCheck.AssertIntact(trail);
        Assert.Equal(2, chains.Count);
        var starts = trail.ChainStarts.ToList();
        Assert.Equal(2, starts.Count);
        Assert.All(starts, s => Assert.Equal((1L, "server-start"), (s.Seq, s.Outcome)));
        Assert.Null(starts[0].String(AuditFields.Arguments)); // the first run ever: no earlier chain
        var firstChainEnd = trail.Lines.Last(l => l.ChainId == chains[0]);
        using var previous = JsonDocument.Parse(starts[1].String(AuditFields.Arguments)!);
        Assert.Equal(chains[0], previous.RootElement.GetProperty("previousChainId").GetString());
        Assert.Equal(firstChainEnd.Seq, previous.RootElement.GetProperty("previousSeq").GetInt64());
        Assert.Equal(firstChainEnd.String(AuditFields.Hash), previous.RootElement.GetProperty("previousHash").GetString());
        Assert.Equal(firstChainEnd.File, previous.RootElement.GetProperty("previousFile").GetString());
    }

    [Fact]
    public async Task Shutdown_signs_a_checkpoint_of_the_head_into_the_checkpoint_folder()
    {
        await using (var server = await RunningServer.StartAsync(new ServerSetup { AuditDirectory = _audit.Path }))
        {
            await using var client = await server.ConnectClientAsync();
            await client.CallAsync("open_ticket", """{"ticket":{"title":"Checkpointed","priority":"Low"}}""");
        }

        var trail = _audit.Read();
        var head = trail.Lines[^1];
        var checkpoint = AuditCheckpoint.Parse(await File.ReadAllTextAsync(Assert.Single(Directory.GetFiles(Path.Combine(_audit.Path, "checkpoints")))));

        Assert.Equal((head.ChainId, head.Seq, head.String(AuditFields.Hash), head.File), (checkpoint.ChainId, checkpoint.Seq, checkpoint.Head, checkpoint.File));
        Assert.True(checkpoint.IsSignedBy(AuditChainCheck.KeyOf(_audit.Path)), "The checkpoint is not signed with the audit chain key.");
        Assert.False(checkpoint.IsSignedBy(AuditChainKey.FromSecret(AuditChainKey.NewSecret())), "The checkpoint verifies under any key.");
    }

    [Fact]
    public async Task The_head_is_checkpointed_at_the_interval_while_the_server_runs()
    {
        await using var server = await RunningServer.StartAsync(new ServerSetup
        {
            AuditDirectory = _audit.Path,
            Settings = new Dictionary<string, string?>
            {
                ["McpPlatform:Audit:CheckpointInterval"] = "00:00:00.100",
                ["McpPlatform:Audit:CheckpointDirectory"] = Path.Combine(_audit.Path, "elsewhere"),
            },
        });
        await using var client = await server.ConnectClientAsync();
        await client.CallAsync("echo", """{"text":"running"}""");
        await server.Services.GetRequiredService<AuditLog>().FlushAsync();

        // No shutdown: the timer's checkpoint must appear, in the configured folder.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (Directory.GetFiles(Path.Combine(_audit.Path, "elsewhere"), AuditCheckpoint.FilePattern).Length == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "No checkpoint was written while the server ran.");
            await Task.Delay(20);
        }
    }

    [Theory]
    [InlineData("00:00:00.050")]
    [InlineData("01:00:01")]
    public async Task A_checkpoint_interval_out_of_range_stops_start_up_naming_the_setting(string interval)
    {
        var error = await Assert.ThrowsAsync<Microsoft.Extensions.Options.OptionsValidationException>(() => RunningServer.StartAsync(new ServerSetup
        {
            AuditDirectory = _audit.Path,
            Settings = new Dictionary<string, string?> { ["McpPlatform:Audit:CheckpointInterval"] = interval },
        }));

        Assert.Contains("McpPlatform:Audit:CheckpointInterval must be between", error.Message);
    }

    /// <summary>A vault that has no audit chain key (or a given value for every secret).</summary>
    private sealed class EmptyVault(string? value = null) : ISecretProvider
    {
        public string Name => "key-vault";

        public ValueTask<SecretValue?> GetSecretAsync(string name, CancellationToken cancellationToken) =>
            ValueTask.FromResult(value is null ? null : new SecretValue(value, "1"));
    }
}
