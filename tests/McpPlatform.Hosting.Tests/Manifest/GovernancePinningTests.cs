using McpPlatform.Governance.Audit;
using McpPlatform.Hosting.Audit;
using McpPlatform.Hosting.Tests.Audit;
using McpPlatform.Hosting.Tests.Server;
using Microsoft.Extensions.Hosting;

namespace McpPlatform.Hosting.Tests.Manifest;

/// <summary>
/// Pinning of the effective governance: the approved manifest records the policy, data rules, rate limits, Code Mode
/// limits and audit switches of the build's appsettings.json (Manifest/appsettings.json); a real server whose
/// appsettings.Production.json or command line weakens them refuses to start in Production, naming each setting,
/// both values and the configuration source; a stricter override starts, is logged, and changes the audited hash.
/// </summary>
public sealed class GovernancePinningTests : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("mcpplatform-governance-pin-").FullName;
    private TestOidcIssuer? _issuer;

    private string ApprovedPath => Path.Combine(_folder, "mcp-manifest.approved.json");

    private string LogFile => Path.Combine(_folder, "server.log");

    public async Task InitializeAsync()
    {
        _issuer = await TestOidcIssuer.StartAsync();
        CompiledManifest.WriteApproved(ApprovedPath);
    }

    public async Task DisposeAsync()
    {
        await _issuer!.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Appsettings_Production_json_widening_a_rule_and_switching_DLP_off_is_refused_naming_setting_values_and_source()
    {
        const string Production = """
            {
              "McpPlatform": {
                "Policy": { "Rules": [ { "Tools": [ "*" ] } ] },
                "Dlp": { "Enabled": false }
              }
            }
            """;

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => StartAsync(Environments.Production, environmentFile: Production));

        Assert.Contains("McpPlatform:Manifest: this server's effective governance is not approved, so it does not start in the 'Production' environment", error.Message);
        Assert.Contains("[weaker] McpPlatform:Policy:Rules[ticket-writers]:Tools: approved [open_ticket], effective [*] (source: appsettings.Production.json): the rule covers more tools", error.Message);
        Assert.Contains("[weaker] McpPlatform:Dlp:Enabled: approved true, effective false (source: appsettings.Production.json)", error.Message);
        Assert.Contains($"approved manifest ({CompiledManifest.Document.Hash}, approved by reviewer@example.com", error.Message);
    }

    [Fact]
    public async Task Command_line_switching_rate_limits_off_and_raising_a_Code_Mode_limit_is_refused()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => StartAsync(
            Environments.Production, args: ["--McpPlatform:RateLimits:Enabled=false", "--McpPlatform:CodeMode:MaxInnerCalls=5000", "--McpPlatform:Audit:FailClosedReads=false"]));

        Assert.Contains("[weaker] McpPlatform:RateLimits:Enabled: approved true, effective false (source: command line (--McpPlatform:RateLimits:Enabled))", error.Message);
        Assert.Contains("[weaker] McpPlatform:CodeMode:MaxInnerCalls: approved 50, effective 5000 (source: command line (--McpPlatform:CodeMode:MaxInnerCalls)): the limit was raised", error.Message);

        // Set, but to the approved value: not a difference.
        Assert.DoesNotContain("FailClosedReads", error.Message);
    }

    [Fact]
    public async Task A_rule_added_at_run_time_that_grants_more_is_refused()
    {
        const string Production = """
            { "McpPlatform": { "Policy": { "Rules": [ {}, { "Name": "everyone-writes", "Tools": [ "*" ], "Access": [ "Write" ], "Scopes": [ "mcp:write" ] } ] } } }
            """;

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => StartAsync(Environments.Production, environmentFile: Production));

        Assert.Contains("[weaker] McpPlatform:Policy:Rules[everyone-writes]: approved (no such rule), effective grants [write] on [*] to groups (any caller) with scopes [mcp:write] (source: appsettings.Production.json): a rule that was not approved grants access", error.Message);
    }

    [Fact]
    public async Task Stricter_override_starts_logs_the_difference_and_audits_the_effective_hash()
    {
        const string Production = """
            { "McpPlatform": { "CodeMode": { "MaxInnerCalls": 10 }, "Audit": { "FailClosedReads": true } } }
            """;
        using var audit = new AuditFolder();

        await using (var server = await StartAsync(Environments.Production, environmentFile: Production, auditDirectory: audit.Path))
        {
            await using var client = await server.ConnectClientAsync();
            Assert.Equal("strict", (await client.CallAsync("echo", """{"text":"strict"}""")).SingleText());
        }

        var log = await File.ReadAllTextAsync(LogFile);
        Assert.Contains("INF McpPlatform.Governance.Manifest.ManifestPinning Effective governance differs from the approved manifest without weakening it", log);
        Assert.Contains("[stronger] McpPlatform:CodeMode:MaxInnerCalls: approved 50, effective 10 (source: appsettings.Production.json)", log);
        Assert.Contains("[stronger] McpPlatform:Audit:FailClosedReads: approved false, effective true (source: appsettings.Production.json)", log);

        // The audited manifest hash is that of what is enforced, not the compiled one.
        var hashes = audit.Read().Lines.Select(line => line.String(AuditFields.ManifestHash)).Distinct().ToList();
        var hash = Assert.Single(hashes);
        Assert.NotEqual(CompiledManifest.Document.Hash, hash);
        Assert.StartsWith("sha256:", hash, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Appsettings_Production_json_letting_DLP_cut_results_or_scan_more_is_refused()
    {
        const string Production = """
            { "McpPlatform": { "Dlp": { "OverLimit": "Truncate", "MaxScannedChars": 5000000 } } }
            """;

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => StartAsync(Environments.Production, environmentFile: Production));

        Assert.Contains("[weaker] McpPlatform:Dlp:OverLimit: approved block, effective truncate (source: appsettings.Production.json): a result too large to scan is returned cut instead of withheld", error.Message);
        Assert.Contains("[weaker] McpPlatform:Dlp:MaxScannedChars: approved 1000000, effective 5000000 (source: appsettings.Production.json): the limit was raised", error.Message);
    }

    [Fact]
    public async Task Command_line_raising_audit_caps_and_loosening_checkpoints_and_the_refusal_limit_is_refused()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => StartAsync(Environments.Production, args:
        [
            "--McpPlatform:Audit:MaxFieldChars=65536",
            "--McpPlatform:Audit:MaxArgumentsChars=1048576",
            "--McpPlatform:Audit:CheckpointInterval=00:10:00",
            "--McpPlatform:Audit:RefusalLimit:PermitLimit=6000",
            "--McpPlatform:Audit:RefusalLimit:Window=00:00:01",
            "--McpPlatform:Audit:RefusalLimit:MaxAddresses=100000",
        ]));

        Assert.Contains("[weaker] McpPlatform:Audit:MaxFieldChars: approved 4096, effective 65536 (source: command line (--McpPlatform:Audit:MaxFieldChars)): the limit was raised", error.Message);
        Assert.Contains("[weaker] McpPlatform:Audit:MaxArgumentsChars: approved 65536, effective 1048576 (source: command line (--McpPlatform:Audit:MaxArgumentsChars))", error.Message);
        Assert.Contains("[weaker] McpPlatform:Audit:CheckpointInterval: approved 00:00:10, effective 00:10:00 (source: command line (--McpPlatform:Audit:CheckpointInterval)): more records can be cut off the end of the audit file unnoticed", error.Message);
        Assert.Contains("[weaker] McpPlatform:Audit:RefusalLimit:PermitLimit: approved 60, effective 6000 (source: command line (--McpPlatform:Audit:RefusalLimit:PermitLimit))", error.Message);
        Assert.Contains("[weaker] McpPlatform:Audit:RefusalLimit:Window: approved 00:01:00, effective 00:00:01 (source: command line (--McpPlatform:Audit:RefusalLimit:Window)): the window was shortened", error.Message);
        Assert.Contains("[weaker] McpPlatform:Audit:RefusalLimit:MaxAddresses: approved 1024, effective 100000 (source: command line (--McpPlatform:Audit:RefusalLimit:MaxAddresses))", error.Message);
    }

    [Fact]
    public async Task Appsettings_Production_json_raising_the_request_body_limit_is_refused()
    {
        const string Production = """{ "McpPlatform": { "MaxRequestBodyBytes": 104857600 } }""";

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => StartAsync(Environments.Production, environmentFile: Production));

        Assert.Contains("[weaker] McpPlatform:MaxRequestBodyBytes: approved 1048576, effective 104857600 (source: appsettings.Production.json): the limit was raised: larger request bodies are read and parsed", error.Message);
    }

    [Fact]
    public async Task Appsettings_Production_json_accepting_another_token_type_is_refused()
    {
        const string Production = """{ "McpPlatform": { "Authentication": { "TokenTypes": [ "id_token+jwt" ] } } }""";

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => StartAsync(Environments.Production, environmentFile: Production));

        Assert.Contains("[weaker] McpPlatform:Authentication:TokenTypes: approved [JWT, application/at+jwt, at+jwt], effective [JWT, application/at+jwt, at+jwt, id_token+jwt] (source: appsettings.Production.json): tokens of another type are accepted", error.Message);
    }

    [Fact]
    public async Task Command_line_believing_forwarded_headers_from_a_proxy_is_refused()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => StartAsync(Environments.Production, args:
            ["--McpPlatform:ForwardedHeaders:Enabled=true", "--McpPlatform:ForwardedHeaders:KnownProxies:0=10.0.0.5"]));

        Assert.Contains("[weaker] McpPlatform:ForwardedHeaders:Enabled: approved false, effective true (source: command line (--McpPlatform:ForwardedHeaders:Enabled)): X-Forwarded-* headers are believed from the known proxies", error.Message);
        Assert.Contains("[weaker] McpPlatform:ForwardedHeaders:KnownProxies: approved [], effective [10.0.0.5] (source: command line (--McpPlatform:ForwardedHeaders:KnownProxies)): headers are believed from another proxy", error.Message);
    }

    [Fact]
    public async Task Stricter_DLP_audit_and_request_limits_start_and_are_logged()
    {
        const string Production = """
            {
              "McpPlatform": {
                "Dlp": { "MaxScannedChars": 500000 },
                "Audit": { "MaxFieldChars": 1024, "MaxArgumentsChars": 32768, "CheckpointInterval": "00:00:05",
                           "RefusalLimit": { "PermitLimit": 30, "Window": "00:02:00", "MaxAddresses": 512 } },
                "MaxRequestBodyBytes": 524288
              }
            }
            """;

        await using (var server = await StartAsync(Environments.Production, environmentFile: Production))
        {
            await using var client = await server.ConnectClientAsync();
            Assert.Equal("strict", (await client.CallAsync("echo", """{"text":"strict"}""")).SingleText());
        }

        var log = await File.ReadAllTextAsync(LogFile);
        foreach (var stronger in new[]
        {
            "McpPlatform:Dlp:MaxScannedChars: approved 1000000, effective 500000",
            "McpPlatform:Audit:MaxFieldChars: approved 4096, effective 1024",
            "McpPlatform:Audit:MaxArgumentsChars: approved 65536, effective 32768",
            "McpPlatform:Audit:CheckpointInterval: approved 00:00:10, effective 00:00:05",
            "McpPlatform:Audit:RefusalLimit:PermitLimit: approved 60, effective 30",
            "McpPlatform:Audit:RefusalLimit:Window: approved 00:01:00, effective 00:02:00",
            "McpPlatform:Audit:RefusalLimit:MaxAddresses: approved 1024, effective 512",
            "McpPlatform:MaxRequestBodyBytes: approved 1048576, effective 524288",
        })
        {
            Assert.Contains($"[stronger] {stronger} (source: appsettings.Production.json): stricter than approved", log);
        }
    }

    [Fact]
    public async Task Development_warns_about_weaker_governance_and_serves()
    {
        const string Development = """{ "McpPlatform": { "Dlp": { "Enabled": false } } }""";

        await using (var server = await StartAsync(Environments.Development, environmentFile: Development))
        {
            await using var client = await server.ConnectClientAsync();
            Assert.Equal("dev", (await client.CallAsync("echo", """{"text":"dev"}""")).SingleText());
        }

        var log = await File.ReadAllTextAsync(LogFile);
        Assert.Contains("WRN McpPlatform.Governance.Manifest.ManifestPinning The effective governance is weaker than approved; starting anyway", log);
        Assert.Contains("[weaker] McpPlatform:Dlp:Enabled: approved true, effective false (source: appsettings.Development.json)", log);
    }

    [Fact]
    public async Task Unchanged_governance_starts_and_audits_the_compiled_hash()
    {
        using var audit = new AuditFolder();

        await using (var server = await StartAsync(Environments.Production, auditDirectory: audit.Path))
        {
            await using var client = await server.ConnectClientAsync();
            await client.CallAsync("echo", """{"text":"same"}""");
        }

        // The runtime writes the governance exactly as the generator did, so nothing differs and the hashes agree.
        Assert.Contains($"Effective governance matches the approved manifest; effective manifest hash {CompiledManifest.Document.Hash}", await File.ReadAllTextAsync(LogFile));
        Assert.All(audit.Read().Lines, line => Assert.Equal(CompiledManifest.Document.Hash, line.String(AuditFields.ManifestHash)));
    }

    private Task<RunningServer> StartAsync(string environment, string? environmentFile = null, string[]? args = null, string? auditDirectory = null)
    {
        File.Copy(Path.Combine(AppContext.BaseDirectory, "Manifest", "appsettings.json"), Path.Combine(_folder, "appsettings.json"), overwrite: true);
        if (environmentFile is not null)
        {
            File.WriteAllText(Path.Combine(_folder, $"appsettings.{environment}.json"), environmentFile);
        }

        return RunningServer.StartAsync(new ServerSetup
        {
            Environment = environment,
            Issuer = environment == Environments.Production ? _issuer : null,
            ContentRootPath = _folder,
            Args = args ?? [],
            AuditDirectory = auditDirectory,
            GrantTestCallerEverything = false,
            Settings = new Dictionary<string, string?>
            {
                ["McpPlatform:Manifest:RequireApproval"] = null,
                ["McpPlatform:Manifest:ApprovedPath"] = ApprovedPath,
                ["Serilog:WriteTo:0:Name"] = "File",
                ["Serilog:WriteTo:0:Args:path"] = LogFile,
                ["Serilog:WriteTo:0:Args:outputTemplate"] = "{Level:u3} {SourceContext} {Message:lj}{NewLine}{Exception}",
            },
        });
    }
}
