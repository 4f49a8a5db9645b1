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
        Assert.Contains("INF McpPlatform.Hosting.Manifest.ManifestPinning Effective governance differs from the approved manifest without weakening it", log);
        Assert.Contains("[stronger] McpPlatform:CodeMode:MaxInnerCalls: approved 50, effective 10 (source: appsettings.Production.json)", log);
        Assert.Contains("[stronger] McpPlatform:Audit:FailClosedReads: approved false, effective true (source: appsettings.Production.json)", log);

        // The audited manifest hash is that of what is enforced, not the compiled one.
        var hashes = audit.Read().Lines.Select(line => line.String(AuditFields.ManifestHash)).Distinct().ToList();
        var hash = Assert.Single(hashes);
        Assert.NotEqual(CompiledManifest.Document.Hash, hash);
        Assert.StartsWith("sha256:", hash, StringComparison.Ordinal);
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
        Assert.Contains("WRN McpPlatform.Hosting.Manifest.ManifestPinning The effective governance is weaker than approved; starting anyway", log);
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
