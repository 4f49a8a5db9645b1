using McpPlatform.Hosting.Tests.Server;

namespace McpPlatform.Hosting.Tests;

public sealed class InitializeTests(SampleServerFixture fixture) : IClassFixture<SampleServerFixture>
{
    [Fact]
    public void Initialize_reports_the_server_name_and_version_from_options()
    {
        var serverInfo = fixture.Client.ServerInfo;

        Assert.NotNull(serverInfo);
        Assert.Equal(SampleServerFixture.ServerName, serverInfo.Name);
        Assert.Equal(SampleServerFixture.ServerVersion, serverInfo.Version);
    }

    [Fact]
    public void Initialize_advertises_the_tools_capability()
    {
        Assert.NotNull(fixture.Client.ServerCapabilities.Tools);
    }

    [Fact]
    public async Task Initialize_reports_the_server_name_and_version_from_configuration()
    {
        await using var server = await RunningServer.StartAsync(settings: new Dictionary<string, string?>
        {
            ["McpPlatform:ServerName"] = "configured-server",
            ["McpPlatform:ServerVersion"] = "9.8.7",
        });
        await using var client = await server.ConnectClientAsync();

        Assert.NotNull(client.ServerInfo);
        Assert.Equal("configured-server", client.ServerInfo.Name);
        Assert.Equal("9.8.7", client.ServerInfo.Version);
    }
}
