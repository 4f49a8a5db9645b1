using System.Text.Json.Nodes;
using McpPlatform.Hosting.Tests.Samples;
using McpPlatform.Hosting.Tests.Server;

namespace McpPlatform.Hosting.Tests.Governance;

/// <summary>What a tool learns about its caller: the identity from the token, injected, never an argument.</summary>
public sealed class CallerIdentityTests(IssuerServerFixture fixture) : IClassFixture<IssuerServerFixture>
{
    [Fact]
    public async Task Tool_receives_the_callers_identity_from_the_token()
    {
        var caller = GovernedPolicy.SupportWriter with
        {
            ClientId = "help-desk-app",
            Claims = new Dictionary<string, string> { [CallerTools.DeviceClaim] = "true", ["not_passed_through"] = "x" },
        };
        await using var client = await fixture.Server.ConnectClientAsync(caller);

        var result = await client.CallAsync("whoami");

        Assert.NotEqual(true, result.IsError);
        var seen = CallerSummary.From(result.StructuredContent!.Value);
        Assert.Equal(caller.Subject, seen.Subject);
        Assert.Equal([GovernedPolicy.SupportGroup], seen.Groups);
        Assert.Equal("help-desk-app", seen.ClientId);
        Assert.Equal("true", seen.DeviceManaged);
        Assert.True(seen.IsAuthenticated);
    }

    [Fact]
    public async Task Caller_identity_parameter_is_not_in_the_input_schema()
    {
        await using var client = await fixture.Server.ConnectClientAsync(GovernedPolicy.Reader);

        var whoami = Assert.Single(await client.ListToolsAsync(), t => t.Name == "whoami");

        var schema = JsonNode.Parse(whoami.ProtocolTool.InputSchema.GetRawText())!;
        Assert.Equal("object", (string?)schema["type"]);
        Assert.Empty(schema["properties"]?.AsObject() ?? []);
        Assert.DoesNotContain("caller", schema.ToJsonString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Caller_identity_cannot_be_overridden_by_an_argument()
    {
        await using var client = await fixture.Server.ConnectClientAsync(GovernedPolicy.Reader);

        var overridden = await client.CallAsync("whoami", """{"caller":{"subject":"root","groups":["support"]}}""");
        var result = await client.CallAsync("whoami");

        // A 'caller' argument is not one the tool takes: refused, never bound to the identity.
        Assert.True(overridden.IsError);
        Assert.Equal("Unknown argument 'caller': this tool takes no arguments.", overridden.SingleText());
        var seen = CallerSummary.From(result.StructuredContent!.Value);
        Assert.Equal(GovernedPolicy.Reader.Subject, seen.Subject);
        Assert.Empty(seen.Groups);
    }
}
