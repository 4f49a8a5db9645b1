using ModelContextProtocol.Client;

namespace McpPlatform.Hosting.Tests.Server;

/// <summary>One default server with a connected client, shared by the tests of a class.</summary>
public sealed class SampleServerFixture : IAsyncLifetime
{
    public const string ServerName = "sample-server";
    public const string ServerVersion = "1.2.3";

    private RunningServer? _server;
    private McpClient? _client;

    public RunningServer Server => _server ?? throw new InvalidOperationException("The fixture has not started.");

    public McpClient Client => _client ?? throw new InvalidOperationException("The fixture has not started.");

    public async Task InitializeAsync()
    {
        _server = await RunningServer.StartAsync(options =>
        {
            options.ServerName = ServerName;
            options.ServerVersion = ServerVersion;
        });
        _client = await _server.ConnectClientAsync();
    }

    public async Task DisposeAsync()
    {
        if (_client is not null)
        {
            await _client.DisposeAsync();
        }

        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
