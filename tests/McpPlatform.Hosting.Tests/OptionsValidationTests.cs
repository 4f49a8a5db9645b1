using McpPlatform.Hosting.Tests.Server;
using Microsoft.Extensions.Options;

namespace McpPlatform.Hosting.Tests;

public sealed class OptionsValidationTests
{
    [Fact]
    public async Task Path_without_a_leading_slash_fails_start_up_naming_the_setting()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(
            () => RunningServer.StartAsync(options => options.Path = "mcp"));

        Assert.Contains("McpPlatform:Path", error.Message);
        Assert.Contains("'mcp'", error.Message);
    }

    [Fact]
    public async Task Bad_path_from_configuration_fails_start_up_naming_the_setting()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(
            () => RunningServer.StartAsync(settings: new Dictionary<string, string?> { ["McpPlatform:HealthPath"] = "healthz" }));

        Assert.Contains("McpPlatform:HealthPath", error.Message);
    }

    [Fact]
    public async Task Same_path_for_mcp_and_health_fails_start_up()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(
            () => RunningServer.StartAsync(options => options.HealthPath = "/mcp"));

        Assert.Contains("McpPlatform:Path and McpPlatform:HealthPath must differ", error.Message);
    }

    [Theory]
    [InlineData("app.example.com")]
    [InlineData("ftp://app.example.com")]
    [InlineData("https://app.example.com/callback")]
    public async Task Allowed_origin_that_is_not_an_origin_fails_start_up_naming_the_setting(string origin)
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(
            () => RunningServer.StartAsync(options => options.AllowedOrigins = [origin]));

        Assert.Contains("McpPlatform:AllowedOrigins", error.Message);
        Assert.Contains(origin, error.Message);
    }

    [Theory]
    [InlineData("https://mcp.example.com")]
    [InlineData("mcp.example.com/mcp")]
    [InlineData(" ")]
    public async Task Allowed_host_that_is_not_a_host_name_fails_start_up_naming_the_setting(string host)
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(
            () => RunningServer.StartAsync(options => options.AllowedHosts = [host]));

        Assert.Contains("McpPlatform:AllowedHosts", error.Message);
    }
}
