using McpPlatform.Hosting.Tests.CodeMode;
using McpPlatform.Hosting.Tests.Server;

namespace McpPlatform.Hosting.Tests;

/// <summary>
/// Every generated schema says <c>additionalProperties: false</c>; a call naming an argument the tool
/// does not take is refused with the accepted names instead of running as if it were absent.
/// </summary>
public sealed class UnknownArgumentTests(SampleServerFixture fixture) : IClassFixture<SampleServerFixture>
{
    [Fact]
    public async Task Misspelt_argument_is_refused_with_the_accepted_names()
    {
        var result = await fixture.Client.CallAsync("echo", """{"text":"hi","query":"do-not-echo-value"}""");

        Assert.True(result.IsError);
        Assert.Equal("Unknown argument 'query': this tool accepts text.", result.SingleText());
    }

    [Fact]
    public async Task Argument_names_are_matched_exactly()
    {
        var result = await fixture.Client.CallAsync("add_numbers", """{"a":1,"B":2}""");

        Assert.True(result.IsError);
        Assert.Equal("Unknown argument 'B': this tool accepts a, b.", result.SingleText());
    }

    [Fact]
    public async Task Unknown_property_of_a_record_argument_is_refused_with_its_path_and_accepted_properties()
    {
        var result = await fixture.Client.CallAsync("triage_ticket", """{"ticket":{"title":"x","priority":"Low","lables":["a"]},"threshold":"High"}""");

        Assert.True(result.IsError);
        Assert.Equal("Unknown argument 'ticket.lables': 'ticket' accepts title, priority, labels.", result.SingleText());
    }

    [Fact]
    public async Task A_secret_parameter_cannot_be_supplied_and_is_not_listed_as_accepted()
    {
        var result = await fixture.Client.CallAsync("sign_in", """{"system":"tickets","token":"caller-chosen-token"}""");

        Assert.True(result.IsError);
        var text = result.SingleText();
        Assert.Equal("Unknown argument 'token': this tool accepts system.", text);
        Assert.DoesNotContain("caller-chosen-token", text);
    }

    [Fact]
    public async Task A_very_long_unknown_name_is_quoted_cut_short()
    {
        var name = new string('q', 10_000);

        var result = await fixture.Client.CallAsync("echo", $$"""{"text":"hi","{{name}}":1}""");

        Assert.True(result.IsError);
        Assert.True(result.SingleText().Length < 200, result.SingleText());
    }

    [Fact]
    public async Task Code_mode_inner_call_with_an_unknown_argument_gets_the_same_error()
    {
        await using var client = await fixture.Server.ConnectCodeModeAsync();

        var result = await client.ExecuteAsync("async () => { try { await codemode.echo({ query: 'x' }); return 'ran'; } catch (e) { return e.message; } }");

        Assert.Equal("Unknown argument 'query': this tool accepts text.", result.Result().GetString());
    }
}
