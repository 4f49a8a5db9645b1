using System.Text.Json;
using McpPlatform.Hosting.Tests.Samples;
using McpPlatform.Hosting.Tests.Server;
using Microsoft.Extensions.Hosting;

namespace McpPlatform.Hosting.Tests.Governance;

/// <summary>
/// The caller's access token stays at the server's door: a tool's outgoing HTTP call does not carry
/// it, no value a tool sees contains it, and the log does not record it.
/// </summary>
public sealed class TokenPassthroughTests : IDisposable
{
    private readonly string _logFolder = Directory.CreateTempSubdirectory("mcpplatform-token-log-").FullName;

    [Fact]
    public async Task Bearer_token_reaches_no_downstream_call_no_tool_value_and_no_log_line()
    {
        var logFile = Path.Combine(_logFolder, "server.log");
        await using var echo = await HeaderEchoServer.StartAsync();
        await using var issuer = await TestOidcIssuer.StartAsync();
        var server = await RunningServer.StartAsync(new ServerSetup
        {
            Environment = Environments.Production,
            Issuer = issuer,
            GrantTestCallerEverything = false,
            Settings = new Dictionary<string, string?>(GovernedPolicy.Settings)
            {
                // Everything, down to the SDK's and ASP.NET Core's trace output.
                ["Serilog:MinimumLevel:Default"] = "Verbose",
                ["Serilog:WriteTo:0:Name"] = "File",
                ["Serilog:WriteTo:0:Args:path"] = logFile,
                ["Serilog:WriteTo:0:Args:outputTemplate"] = "{Level:u3} {SourceContext} {Message:lj} {Properties:j}{NewLine}{Exception}",
            },
        });
        var caller = GovernedPolicy.SupportWriter with { Claims = new Dictionary<string, string> { [CallerTools.DeviceClaim] = "true" } };
        var token = server.MintToken(caller);
        var signature = token[(token.LastIndexOf('.') + 1)..];
        string toolOutput;
        try
        {
            await using var client = await server.ConnectWithTokenAsync(token);
            var whoami = await client.CallAsync("whoami");
            var fetched = await client.CallAsync("fetch_url", JsonSerializer.Serialize(new { url = echo.EchoUri.AbsoluteUri }));
            Assert.NotEqual(true, fetched.IsError);
            toolOutput = JsonSerializer.Serialize(whoami) + JsonSerializer.Serialize(fetched);
        }
        finally
        {
            await server.DisposeAsync();
        }

        var downstream = Assert.Single(echo.Requests);
        Assert.DoesNotContain("Authorization", downstream.Keys, StringComparer.OrdinalIgnoreCase);
        Assert.DoesNotContain(downstream.Values, value => value.Contains(signature, StringComparison.Ordinal));

        Assert.Contains("sam-support", toolOutput);
        Assert.DoesNotContain(signature, toolOutput);

        var log = await File.ReadAllTextAsync(logFile);
        Assert.Contains("fetch_url", log);
        Assert.DoesNotContain(signature, log);
    }

    public void Dispose() => Directory.Delete(_logFolder, recursive: true);
}
