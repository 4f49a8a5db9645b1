using McpPlatform.Hosting.Tests.Samples;
using McpPlatform.Hosting.Tests.Server;
using ModelContextProtocol;

namespace McpPlatform.Hosting.Tests;

public sealed class ToolErrorTests(SampleServerFixture fixture) : IClassFixture<SampleServerFixture>
{
    // Distinctive but not secret-shaped: data-loss rules would block a real-looking key before the type check runs.
    private const string Secret = "do-not-echo-value-7f3a";

    [Fact]
    public async Task Throwing_tool_returns_a_generic_error_result_without_its_message_or_stack_trace()
    {
        var result = await fixture.Client.CallAsync("explode", """{"reason":"testing"}""");

        Assert.True(result.IsError);
        var text = result.SingleText();
        Assert.StartsWith("Tool 'explode' failed with an unexpected error.", text);
        Assert.Contains("correlation id ", text);
        Assert.DoesNotContain(SampleTools.ExplosionMessage, text);
        Assert.DoesNotContain("   at ", text);
        Assert.DoesNotContain("InvalidOperationException", text);
        Assert.DoesNotContain(nameof(SampleTools), text);
    }

    [Fact]
    public async Task Missing_required_argument_is_an_error_naming_the_argument()
    {
        var result = await fixture.Client.CallAsync("echo");

        Assert.True(result.IsError);
        Assert.Equal("Missing required argument 'text': expected a string.", result.SingleText());
    }

    [Fact]
    public async Task Missing_required_record_property_is_an_error_naming_its_path()
    {
        var result = await fixture.Client.CallAsync("triage_ticket", """{"ticket":{"priority":"Low"},"threshold":"High"}""");

        Assert.True(result.IsError);
        Assert.Equal("Missing required argument 'ticket.title': expected a string.", result.SingleText());
    }

    [Fact]
    public async Task Wrong_typed_argument_is_an_error_naming_the_argument_and_expected_type_without_the_value()
    {
        var result = await fixture.Client.CallAsync("add_numbers", $$"""{"a":"{{Secret}}","b":1}""");

        Assert.True(result.IsError);
        var text = result.SingleText();
        Assert.Equal("Invalid argument 'a': expected an integer from -2147483648 to 2147483647, got a string.", text);
        Assert.DoesNotContain(Secret, text);
    }

    [Fact]
    public async Task Out_of_range_number_is_an_error_without_the_value()
    {
        var result = await fixture.Client.CallAsync("add_numbers", """{"a":98765432109876,"b":1}""");

        Assert.True(result.IsError);
        var text = result.SingleText();
        Assert.Contains("'a'", text);
        Assert.Contains("an integer from -2147483648 to 2147483647, got a number outside that range", text);
        Assert.DoesNotContain("98765432109876", text);
    }

    [Fact]
    public async Task Unknown_enum_member_in_a_record_is_an_error_naming_the_path_and_members_without_the_value()
    {
        var result = await fixture.Client.CallAsync(
            "triage_ticket", $$"""{"ticket":{"title":"x","priority":"{{Secret}}"},"threshold":"High"}""");

        Assert.True(result.IsError);
        var text = result.SingleText();
        Assert.Equal("Invalid argument 'ticket.priority': expected one of Low, Normal, High, got a string.", text);
        Assert.DoesNotContain(Secret, text);
    }

    [Fact]
    public async Task Wrong_typed_array_item_is_an_error_naming_its_index()
    {
        var result = await fixture.Client.CallAsync(
            "triage_ticket", """{"ticket":{"title":"x","priority":"Low","labels":["ok",42]},"threshold":"High"}""");

        Assert.True(result.IsError);
        Assert.Equal("Invalid argument 'ticket.labels[1]': expected a string, got a number.", result.SingleText());
    }

    [Fact]
    public async Task Unknown_tool_is_a_json_rpc_error()
    {
        var error = await Assert.ThrowsAsync<McpProtocolException>(() => fixture.Client.CallAsync("no_such_tool"));

        Assert.Contains("no_such_tool", error.Message);
    }
}
