using Microsoft.Extensions.Options;

namespace McpPlatform.Portal.Tests.Runtime;

/// <summary>An audience that could not be served as meant stops the portal at start-up, naming the setting.</summary>
public sealed class AudienceOptionsTests
{
    [Fact]
    public async Task Bad_audience_settings_fail_start_up_naming_each_setting()
    {
        using var folder = new TemporaryFolder();
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => PortalHost.StartAsync(folder.Path, new Dictionary<string, string?>
        {
            ["McpPlatform:Portal:Audiences:finance:Path"] = "/mcp",
            ["McpPlatform:Portal:Audiences:finance:Tools:0"] = "lab_*",
            ["McpPlatform:Portal:Audiences:finance:Access:0"] = "ReadOnly",
            ["McpPlatform:Portal:Audiences:ops:Path"] = "ops/mcp",
            ["McpPlatform:Portal:Audiences:ops:Tools:0"] = "*_admin",
        }));

        Assert.Contains("McpPlatform:Portal:Audiences:finance:Path '/mcp' is already served by McpPlatform:Path", failure.Message);
        Assert.Contains("McpPlatform:Portal:Audiences:finance:Access contains 'ReadOnly'", failure.Message);
        Assert.Contains("McpPlatform:Portal:Audiences:ops:Path must be an absolute path", failure.Message);
        Assert.Contains("McpPlatform:Portal:Audiences:ops:Tools contains '*_admin'", failure.Message);
    }
}
