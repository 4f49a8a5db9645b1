using McpPlatform.Hosting.Tests.Server;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace McpPlatform.Hosting.Tests.Authentication;

/// <summary>Outside Development, a set-up that would weaken authentication or policy fails start-up, naming the setting.</summary>
public sealed class StartupRefusalTests
{
    private const string Section = "McpPlatform:Authentication";

    /// <summary>A valid production set-up; each test breaks one thing.</summary>
    private static readonly Dictionary<string, string?> Production = new()
    {
        [$"{Section}:Authority"] = "https://login.example.com/tenant",
        [$"{Section}:Resource"] = "https://mcp.example.com/mcp",
    };

    [Fact]
    public async Task Switching_authentication_off_outside_development_is_refused()
    {
        var error = await RefusedAsync(new() { [$"{Section}:Enabled"] = "false" });

        Assert.Contains($"{Section}:Enabled=false is only allowed in Development", error.Message);
        Assert.Contains("'Production'", error.Message);
    }

    [Fact]
    public async Task Development_issuer_outside_development_is_refused()
    {
        var error = await RefusedAsync(new() { [$"{Section}:Authority"] = null, [$"{Section}:DevelopmentIssuer:Enabled"] = "true" });

        Assert.Contains($"{Section}:DevelopmentIssuer is only allowed in Development", error.Message);
    }

    [Theory]
    [InlineData("Authority")]
    [InlineData("Resource")]
    public async Task Missing_authority_or_resource_outside_development_is_refused(string setting)
    {
        var error = await RefusedAsync(new() { [$"{Section}:{setting}"] = null });

        Assert.Contains($"{Section}:{setting} is required in the 'Production' environment", error.Message);
    }

    [Theory]
    [InlineData("none")]
    [InlineData("HS256")]
    public async Task Unsigned_or_shared_secret_algorithm_is_refused(string algorithm)
    {
        var error = await RefusedAsync(new() { [$"{Section}:Algorithms:0"] = algorithm });

        Assert.Contains($"{Section}:Algorithms must not contain '{algorithm}'", error.Message);
    }

    [Fact]
    public async Task Plain_http_discovery_for_a_remote_authority_is_refused()
    {
        var error = await RefusedAsync(new() { [$"{Section}:RequireHttpsMetadata"] = "false" });

        Assert.Contains($"{Section}:RequireHttpsMetadata=false is only allowed for a loopback Authority", error.Message);
    }

    [Fact]
    public async Task Local_secret_store_outside_development_is_refused_unless_allowed()
    {
        var error = await RefusedAsync(new() { ["McpPlatform:Secrets:AllowLocalStoreOutsideDevelopment"] = "false" });

        Assert.Contains("McpPlatform:Secrets:Provider 'local'", error.Message);
        Assert.Contains("'Production'", error.Message);
    }

    [Fact]
    public async Task Key_vault_without_an_https_vault_uri_is_refused()
    {
        var error = await RefusedAsync(new() { ["McpPlatform:Secrets:Provider"] = "keyvault", ["McpPlatform:Secrets:VaultUri"] = "http://vault.example.com" });

        Assert.Contains("McpPlatform:Secrets:VaultUri must be the vault's https URI", error.Message);
    }

    [Fact]
    public async Task Policy_rule_naming_an_unknown_tool_is_refused_naming_it()
    {
        var error = await RefusedAsync(new()
        {
            ["McpPlatform:Policy:Rules:0:Name"] = "typo",
            ["McpPlatform:Policy:Rules:0:Tools:0"] = "open_tikcet",
            ["McpPlatform:Policy:Rules:0:Access:0"] = "Write",
            ["McpPlatform:Policy:Rules:0:Scopes:0"] = "mcp:write",
        });

        Assert.Contains("McpPlatform:Policy:Rules[0] ('typo'): Tools contains 'open_tikcet', which is not a tool of this server", error.Message);
    }

    private static Task<OptionsValidationException> RefusedAsync(Dictionary<string, string?> change) =>
        Assert.ThrowsAsync<OptionsValidationException>(() => RunningServer.StartAsync(new ServerSetup
        {
            Environment = Environments.Production,
            GrantTestCallerEverything = false,
            Settings = new Dictionary<string, string?>(Production.Concat(change).GroupBy(s => s.Key).Select(g => g.Last())),
        }));
}
