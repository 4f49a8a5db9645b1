using System.Text.Json;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace McpPlatform.Cli.Tests.Tokens;

/// <summary>The workplace fixture is a working server, not just definitions: its in-memory tools answer over MCP.</summary>
public sealed class WorkplaceFixtureTests
{
    [Fact]
    public async Task Created_issue_can_be_read_back_and_found()
    {
        await using var server = await WorkplaceServer.StartAsync();
        await using var client = await McpClient.CreateAsync(new HttpClientTransport(new HttpClientTransportOptions
        {
            Endpoint = server.McpUri,
            TransportMode = HttpTransportMode.StreamableHttp,
            AdditionalHeaders = new Dictionary<string, string> { ["Authorization"] = "Bearer " + server.MintToken() },
        }));

        var created = await client.CallToolAsync("create_issue", new Dictionary<string, object?> { ["projectKey"] = "PLAT", ["summary"] = "Measure Code Mode tokens", ["type"] = "Story" });
        Assert.NotEqual(true, created.IsError);
        var key = ((JsonElement)created.StructuredContent!).GetProperty("key").GetString()!;
        Assert.StartsWith("PLAT-", key);

        var read = await client.CallToolAsync("get_issue", new Dictionary<string, object?> { ["issueKey"] = key });
        Assert.Equal("Story", ((JsonElement)read.StructuredContent!).GetProperty("type").GetString());

        var missing = await client.CallToolAsync("get_issue", new Dictionary<string, object?> { ["issueKey"] = "NOPE-1" });
        Assert.True(missing.IsError);
        Assert.Contains("No issue has the key 'NOPE-1'.", Assert.IsType<TextContentBlock>(Assert.Single(missing.Content)).Text);
    }
}
