using System.Net;
using McpPlatform.Governance.Secrets;
using McpPlatform.Hosting.Secrets;
using McpPlatform.Hosting.Tests.Audit;
using McpPlatform.Hosting.Tests.Server;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace McpPlatform.Hosting.Tests.Health;

/// <summary>
/// <c>/healthz/live</c> and <c>/healthz/ready</c> on a real server: live answers while the process runs; ready fails,
/// naming the check, while the audit sink cannot write, the identity provider's metadata cannot be fetched or the
/// secret store cannot be reached, and answers 200 again once it can.
/// </summary>
public sealed class ReadinessTests : IDisposable
{
    private const string AuditCheck = "audit";
    private const string IdentityCheck = "identity-provider";
    private const string SecretStoreCheck = "secret-store";

    private readonly AuditFolder _audit = new();

    public void Dispose() => _audit.Dispose();

    [Fact]
    public async Task Live_and_ready_answer_200_without_a_token_when_every_dependency_answers()
    {
        await using var server = await RunningServer.StartAsync();

        var live = await HealthProbe.LiveAsync(server);
        var ready = await HealthProbe.ReadyAsync(server);

        Assert.Equal(HttpStatusCode.OK, live.Status);
        Assert.Equal("healthy", live.Overall);
        Assert.Equal(["process"], live.CheckNames);
        Assert.True(HttpStatusCode.OK == ready.Status, ready.Text);
        Assert.Equal("healthy", ready.Overall);
        foreach (var check in new[] { AuditCheck, IdentityCheck, SecretStoreCheck })
        {
            Assert.Equal("healthy", ready.StatusOf(check));
        }

        Assert.Contains("development issuer", ready.DescriptionOf(IdentityCheck));
    }

    [Fact]
    public async Task Live_and_ready_are_exempt_from_the_host_check_like_the_health_probe()
    {
        await using var server = await RunningServer.StartAsync();
        using var http = server.CreateHttpClient();

        foreach (var uri in new[] { HealthProbe.LiveUri(server), HealthProbe.ReadyUri(server) })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, uri);
            request.Headers.Host = "10.1.2.3"; // an orchestrator probes by pod IP
            using var response = await http.SendAsync(request);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    [Fact]
    public async Task Live_and_ready_move_with_the_configured_health_path()
    {
        await using var server = await RunningServer.StartAsync(options => options.HealthPath = "/probe");
        using var http = server.CreateHttpClient();

        using var live = await http.GetAsync("/probe/live");
        using var ready = await http.GetAsync("/probe/ready");
        using var old = await http.GetAsync("/healthz/ready");

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, old.StatusCode);
    }

    [Fact]
    public async Task Ready_fails_naming_the_audit_check_while_the_audit_file_cannot_be_written_and_live_stays_up()
    {
        Assert.True(FailClosedTests.FullDevice.Exists, "This test needs /dev/full (Linux) to make the audit file unwritable.");
        FailClosedTests.FullDevice.BackTodaysAuditFiles(_audit.Path);
        await using var server = await RunningServer.StartAsync(new ServerSetup { AuditDirectory = _audit.Path });

        var ready = await HealthProbe.ReadyAsync(server);
        var live = await HealthProbe.LiveAsync(server);

        Assert.True(HttpStatusCode.ServiceUnavailable == ready.Status, ready.Text);
        Assert.Equal("unhealthy", ready.Overall);
        Assert.Equal("unhealthy", ready.StatusOf(AuditCheck));
        Assert.Contains("cannot write", ready.DescriptionOf(AuditCheck));
        Assert.Equal("healthy", ready.StatusOf(SecretStoreCheck));
        Assert.DoesNotContain(_audit.Path, ready.Text, StringComparison.Ordinal); // no paths in an anonymous answer
        Assert.Equal(HttpStatusCode.OK, live.Status);
    }

    [Fact]
    public async Task Ready_recovers_by_itself_once_the_audit_sink_writes_again_without_any_traffic()
    {
        var file = Path.Combine(_audit.Path, "audit-flaky.clef");
        await File.WriteAllTextAsync(FlakyAuditSinkExtensions.FailSwitch(file), "full");
        await using var server = await RunningServer.StartAsync(new ServerSetup
        {
            AuditDirectory = _audit.Path,
            Settings = new Dictionary<string, string?>
            {
                ["McpPlatform:Audit:Serilog:Using:0"] = "McpPlatform.Hosting.Tests",
                ["McpPlatform:Audit:Serilog:AuditTo:0:Name"] = "FlakyAuditFile",
                ["McpPlatform:Audit:Serilog:AuditTo:0:Args:path"] = file,
            },
        });

        var failing = await HealthProbe.ReadyAsync(server);
        File.Delete(FlakyAuditSinkExtensions.FailSwitch(file));
        var recovered = await HealthProbe.ReadyAsync(server);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, failing.Status);
        Assert.Equal("unhealthy", failing.StatusOf(AuditCheck));
        Assert.True(HttpStatusCode.OK == recovered.Status, recovered.Text);
        Assert.Equal("healthy", recovered.StatusOf(AuditCheck));

        // What the probe wrote is the record that opens the new chain, which the next call would have written first.
        await server.Services.GetRequiredService<McpPlatform.Governance.Audit.AuditLog>().FlushAsync();
        var records = File.ReadAllLines(file);
        Assert.Contains(records, line => line.Contains("\"Kind\":\"chain-start\"", StringComparison.Ordinal));
        Assert.All(records, line => Assert.Contains("\"Kind\":\"chain-start\"", line, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Ready_fails_naming_the_identity_provider_when_its_metadata_cannot_be_fetched()
    {
        var closed = $"http://127.0.0.1:{LoopbackServer.FreePort()}";
        await using var server = await RunningServer.StartAsync(new ServerSetup
        {
            Environment = Environments.Production,
            AuditDirectory = _audit.Path,
            GrantTestCallerEverything = false,
            Settings = new Dictionary<string, string?>
            {
                ["McpPlatform:Authentication:Authority"] = closed,
                ["McpPlatform:Authentication:RequireHttpsMetadata"] = "false",
                ["McpPlatform:Authentication:Resource"] = "http://127.0.0.1/mcp",
            },
        });

        var ready = await HealthProbe.ReadyAsync(server);
        var live = await HealthProbe.LiveAsync(server);

        Assert.True(HttpStatusCode.ServiceUnavailable == ready.Status, ready.Text);
        Assert.Equal("unhealthy", ready.StatusOf(IdentityCheck));
        Assert.Contains("metadata cannot be fetched", ready.DescriptionOf(IdentityCheck));
        Assert.DoesNotContain(closed, ready.Text, StringComparison.Ordinal);
        Assert.Equal("healthy", ready.StatusOf(AuditCheck));
        Assert.Equal(HttpStatusCode.OK, live.Status);
    }

    [Fact]
    public async Task Ready_is_healthy_once_the_identity_providers_metadata_and_keys_are_fetched()
    {
        await using var issuer = await TestOidcIssuer.StartAsync();
        await using var server = await RunningServer.StartAsync(new ServerSetup
        {
            Environment = Environments.Production,
            AuditDirectory = _audit.Path,
            Issuer = issuer,
            GrantTestCallerEverything = false,
        });

        var first = await HealthProbe.ReadyAsync(server);
        var second = await HealthProbe.ReadyAsync(server);

        Assert.True(HttpStatusCode.OK == first.Status, first.Text);
        Assert.Equal("healthy", first.StatusOf(IdentityCheck));
        Assert.Equal(HttpStatusCode.OK, second.Status);
        Assert.Equal(1, issuer.DiscoveryRequests); // probes reuse the handler's cached metadata
    }

    [Fact]
    public async Task Ready_fails_naming_the_secret_store_while_key_vault_fails_and_recovers_when_it_answers()
    {
        await using var vault = await FakeKeyVault.StartAsync();
        await using var server = await StartWithVaultAsync(vault);
        var healthy = await HealthProbe.ReadyAsync(server);

        vault.FailWith(HttpStatusCode.InternalServerError);
        var failing = await HealthProbe.ReadyAsync(server);
        vault.StopFailing();
        var recovered = await HealthProbe.ReadyAsync(server);

        Assert.True(HttpStatusCode.OK == healthy.Status, healthy.Text);
        Assert.Equal("healthy", healthy.StatusOf(SecretStoreCheck)); // the probe secret does not exist: 404 is an answer
        Assert.True(HttpStatusCode.ServiceUnavailable == failing.Status, failing.Text);
        Assert.Equal("unhealthy", failing.StatusOf(SecretStoreCheck));
        Assert.Equal("the key-vault secret store cannot be reached", failing.DescriptionOf(SecretStoreCheck));
        Assert.DoesNotContain(vault.VaultUri.Authority, failing.Text, StringComparison.Ordinal);
        Assert.Equal("healthy", failing.StatusOf(AuditCheck));
        Assert.Equal(HttpStatusCode.OK, recovered.Status);
        Assert.Equal(HttpStatusCode.OK, (await HealthProbe.LiveAsync(server)).Status);
    }

    [Fact]
    public async Task Ready_fails_naming_the_secret_store_when_key_vault_refuses_connections()
    {
        await using var vault = await FakeKeyVault.StartAsync();
        await using var server = await StartWithVaultAsync(vault);

        await vault.StopAsync();
        var ready = await HealthProbe.ReadyAsync(server);

        Assert.True(HttpStatusCode.ServiceUnavailable == ready.Status, ready.Text);
        Assert.Equal("unhealthy", ready.StatusOf(SecretStoreCheck));
    }

    [Fact]
    public async Task Secret_store_answer_is_reused_for_the_probe_interval()
    {
        await using var vault = await FakeKeyVault.StartAsync();
        await using var server = await StartWithVaultAsync(vault, probeInterval: "00:05:00");
        await HealthProbe.ReadyAsync(server);
        var requests = vault.Requests;

        vault.FailWith(HttpStatusCode.InternalServerError);
        var ready = await HealthProbe.ReadyAsync(server);

        Assert.Equal(HttpStatusCode.OK, ready.Status);
        Assert.Equal(requests, vault.Requests);
    }

    [Fact]
    public async Task An_applications_own_check_on_the_same_builder_counts_for_ready_and_its_exception_text_stays_out()
    {
        await using var server = await RunningServer.StartAsync(new ServerSetup
        {
            Services = services => services.AddHealthChecks()
                .AddCheck("orders-db", () => throw new InvalidOperationException("Server=db.internal;Password=hunter2")),
        });

        var ready = await HealthProbe.ReadyAsync(server);
        var live = await HealthProbe.LiveAsync(server);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.Status);
        Assert.Equal("unhealthy", ready.StatusOf("orders-db"));
        Assert.Equal("the check failed (InvalidOperationException)", ready.DescriptionOf("orders-db"));
        Assert.DoesNotContain("hunter2", ready.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, live.Status);
        Assert.DoesNotContain("orders-db", live.CheckNames);
    }

    [Theory]
    [InlineData("Timeout", "00:00:00")]
    [InlineData("Timeout", "00:05:00")]
    [InlineData("SecretStoreProbeInterval", "-00:00:01")]
    public async Task Bad_health_setting_fails_start_up_naming_it(string setting, string value)
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(
            () => RunningServer.StartAsync(settings: new Dictionary<string, string?> { ["McpPlatform:Health:" + setting] = value }));

        Assert.Contains("McpPlatform:Health:" + setting, error.Message);
    }

    private Task<RunningServer> StartWithVaultAsync(FakeKeyVault vault, string probeInterval = "00:00:00") =>
        RunningServer.StartAsync(new ServerSetup
        {
            AuditDirectory = _audit.Path,
            Services = services => services.AddSingleton<ISecretProvider>(
                new KeyVaultSecretProvider(vault.VaultUri, vault.Credential, vault.CreateClientOptions())),
            Settings = new Dictionary<string, string?> { ["McpPlatform:Health:SecretStoreProbeInterval"] = probeInterval },
        });
}
