using System.Net;
using System.Text.Json.Nodes;
using McpPlatform.Hosting.Tests.Server;

namespace McpPlatform.Hosting.Tests;

public sealed class HealthTests(SampleServerFixture fixture) : IClassFixture<SampleServerFixture>
{
    [Fact]
    public async Task Health_probe_answers_ok_with_the_server_identity_as_json()
    {
        using var http = fixture.Server.CreateHttpClient();

        using var response = await http.GetAsync(fixture.Server.HealthUri);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("ok", (string?)body["status"]);
        Assert.Equal(SampleServerFixture.ServerName, (string?)body["server"]);
        Assert.Equal(SampleServerFixture.ServerVersion, (string?)body["version"]);
    }

    [Fact]
    public async Task Health_probe_moves_with_the_configured_health_path()
    {
        await using var server = await RunningServer.StartAsync(options => options.HealthPath = "/ready");
        using var http = server.CreateHttpClient();

        using var moved = await http.GetAsync("/ready");
        using var old = await http.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, old.StatusCode);
    }
}
