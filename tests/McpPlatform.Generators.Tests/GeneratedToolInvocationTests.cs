using System.Text.Json.Nodes;
using McpPlatform.Generators.Tests.Harness;
using McpPlatform.Generators.Tests.Samples;
using McpPlatform.Governance.Tools;
using McpPlatform.Hosting.Tools;
using Microsoft.Extensions.DependencyInjection;

namespace McpPlatform.Generators.Tests;

/// <summary>The compiled generated tools bind arguments, call the method and shape results (no HTTP).</summary>
public sealed class GeneratedToolInvocationTests
{
    private static readonly Lazy<McpToolCatalog> Catalog = new(() => GeneratorHarness.Run(InvocationSample.Source).LoadCatalog());

    [Fact]
    public async Task Arguments_are_bound_and_absent_optional_arguments_take_their_defaults()
    {
        var result = await CallAsync("echo_scalars", """{"count":3,"priority":"low","when":"2025-01-02T03:04:05+01:00"}""");

        Assert.NotEqual(true, result.IsError);
        Assert.Equal("3|Low|2025-01-02T02:04:05.0000000+00:00|<null>|1|updated|High", result.Text());
    }

    [Fact]
    public async Task Json_null_for_an_optional_argument_counts_as_absent()
    {
        var result = await CallAsync("echo_scalars", """{"count":3,"priority":"High","when":"2025-01-02T03:04:05Z","note":null,"page":null}""");

        Assert.Equal("3|High|2025-01-02T03:04:05.0000000+00:00|<null>|1|updated|High", result.Text());
    }

    [Fact]
    public async Task Record_result_is_sent_as_text_and_structured_content()
    {
        var result = await CallAsync("file", """{"ticket":{"title":"Broken","owner":{"login":"ada"},"labels":["bug"]}}""");

        var expected = """{"title":"Broken","owner":{"login":"ada","team":null},"priority":"Low","labels":["bug"]}""";
        JsonAssert.Equal(expected, JsonNode.Parse(result.Text()));
        JsonAssert.Equal(expected, result.StructuredContent!.Value);
    }

    [Fact]
    public async Task Class_argument_keeps_property_initializers_for_absent_properties()
    {
        var result = await CallAsync("echo_page", """{"page":{"cursor":"abc","order":"oldest"}}""");

        Assert.Equal("abc|25|oldest|True", result.Text());
    }

    [Fact]
    public async Task List_argument_is_bound()
    {
        var result = await CallAsync("sum", """{"numbers":[1,2,2147483647]}""");

        Assert.Equal("2147483650", result.Text());
    }

    [Fact]
    public async Task Instance_tool_gets_its_constructor_dependencies_from_the_request_services()
    {
        var services = new ServiceCollection();
        var greeter = Catalog.Value.Tools[0].GetType().Assembly.GetType("Sample.Invocation.Greeter", throwOnError: true)!;
        services.AddSingleton(greeter.GetInterface("IGreeter")!, greeter);

        var result = await CallAsync("greet", """{"name":"Ada"}""", services.BuildServiceProvider());

        Assert.Equal("Hello, Ada", result.Text());
    }

    [Theory]
    [InlineData("""{"priority":"Low","when":"2025-01-02T03:04:05Z"}""", "Missing required argument 'count': expected an integer.")]
    [InlineData("""{"count":"three","priority":"Low","when":"2025-01-02T03:04:05Z"}""", "Invalid argument 'count': expected an integer from -2147483648 to 2147483647, got a string.")]
    [InlineData("""{"count":3,"priority":"Medium","when":"2025-01-02T03:04:05Z"}""", "Invalid argument 'priority': expected one of Low, High, got a string.")]
    [InlineData("""{"count":3,"priority":1,"when":"2025-01-02T03:04:05Z"}""", "Invalid argument 'priority': expected one of Low, High, got a number.")]
    [InlineData("""{"count":3,"priority":"Low","when":"yesterday"}""", "Invalid argument 'when': expected a date-time string (RFC 3339), got a string.")]
    public async Task Bad_argument_is_a_tool_error_naming_the_argument(string arguments, string message)
    {
        var result = await CallAsync("echo_scalars", arguments);

        Assert.True(result.IsError);
        Assert.Equal(message, result.Text());
    }

    [Theory]
    [InlineData("""{"ticket":{"title":"Broken"}}""", "Missing required argument 'ticket.owner': expected an object.")]
    [InlineData("""{"ticket":{"title":"Broken","owner":{}}}""", "Missing required argument 'ticket.owner.login': expected a string.")]
    [InlineData("""{"ticket":{"title":"Broken","owner":{"login":"ada"},"labels":["bug",7]}}""", "Invalid argument 'ticket.labels[1]': expected a string, got a number.")]
    [InlineData("""{"ticket":"Broken"}""", "Invalid argument 'ticket': expected an object, got a string.")]
    public async Task Bad_nested_argument_is_a_tool_error_naming_its_path(string arguments, string message)
    {
        var result = await CallAsync("file", arguments);

        Assert.True(result.IsError);
        Assert.Equal(message, result.Text());
    }

    [Theory]
    [InlineData("b", "256", "an integer from 0 to 255")]
    [InlineData("b", "-1", "an integer from 0 to 255")]
    [InlineData("s", "32768", "an integer from -32768 to 32767")]
    [InlineData("i", "1e400", "an integer from -2147483648 to 2147483647")]
    [InlineData("i", "-2147483649", "an integer from -2147483648 to 2147483647")]
    [InlineData("l", "9223372036854775808", "an integer from -9223372036854775808 to 9223372036854775807")]
    [InlineData("l", "1e400", "an integer from -9223372036854775808 to 9223372036854775807")]
    [InlineData("ui", "-1", "an integer from 0 to 4294967295")]
    [InlineData("ul", "18446744073709551616", "an integer from 0 to 18446744073709551615")]
    [InlineData("f", "1e39", "a number from -3.4028235E+38 to 3.4028235E+38")]
    [InlineData("d", "1e400", "a number from -1.7976931348623157E+308 to 1.7976931348623157E+308")]
    [InlineData("d", "-1e400", "a number from -1.7976931348623157E+308 to 1.7976931348623157E+308")]
    [InlineData("m", "1e400", "a number from -79228162514264337593543950335 to 79228162514264337593543950335")]
    [InlineData("m", "1e29", "a number from -79228162514264337593543950335 to 79228162514264337593543950335")]
    public async Task Number_outside_the_parameters_type_is_refused_with_its_range(string name, string value, string expected)
    {
        var result = await CallAsync("echo_numbers", $$"""{"{{name}}":{{value}}}""");

        Assert.True(result.IsError, result.Text());
        Assert.Equal($"Invalid argument '{name}': expected {expected}, got a number outside that range.", result.Text());
    }

    [Theory]
    [InlineData("i", "1.5")]
    [InlineData("l", "-0.5")]
    [InlineData("b", "1e-30")]
    [InlineData("ul", "2.000000000000000000001")]
    public async Task Fraction_for_an_integer_parameter_is_refused(string name, string value)
    {
        var result = await CallAsync("echo_numbers", $$"""{"{{name}}":{{value}}}""");

        Assert.True(result.IsError, result.Text());
        Assert.EndsWith("got a number with a fraction.", result.Text());
        Assert.StartsWith($"Invalid argument '{name}': expected an integer from ", result.Text());
    }

    [Fact]
    public async Task Whole_numbers_written_with_a_fraction_or_exponent_fit_integer_parameters()
    {
        var result = await CallAsync("echo_numbers", """{"b":255,"s":-32768,"i":2.0,"l":1e18,"ui":4294967295,"ul":18446744073709551615,"f":1.5,"d":1e300,"m":0.1}""");

        Assert.NotEqual(true, result.IsError);
        Assert.Equal("255|-32768|2|1000000000000000000|4294967295|18446744073709551615|1.5|1E+300|0.1", result.Text());
    }

    [Fact]
    public async Task Unknown_argument_is_refused_with_the_accepted_names()
    {
        var result = await CallAsync("echo_page", """{"page":{"cursor":"abc"},"query":"x"}""");

        Assert.True(result.IsError);
        Assert.Equal("Unknown argument 'query': this tool accepts page.", result.Text());
    }

    [Fact]
    public async Task Unknown_property_of_a_record_argument_is_refused_with_its_accepted_properties()
    {
        var result = await CallAsync("file", """{"ticket":{"title":"Broken","owner":{"login":"ada","tema":"x"}}}""");

        Assert.True(result.IsError);
        Assert.Equal("Unknown argument 'ticket.owner.tema': 'ticket.owner' accepts login, team.", result.Text());
    }

    [Fact]
    public async Task Record_properties_still_match_regardless_of_case()
    {
        var result = await CallAsync("file", """{"ticket":{"Title":"Broken","OWNER":{"login":"ada"}}}""");

        Assert.NotEqual(true, result.IsError);
    }

    [Fact]
    public async Task Any_argument_to_a_tool_without_parameters_is_refused()
    {
        var result = await CallAsync("fail", """{"reason":"x","force":true}""");

        Assert.True(result.IsError);
        Assert.Equal("Unknown arguments 'force', 'reason': this tool takes no arguments.", result.Text());
    }

    [Fact]
    public async Task Unexpected_exception_in_the_tool_is_a_generic_tool_error_without_its_message()
    {
        var result = await CallAsync("fail", "{}");

        Assert.True(result.IsError);
        Assert.StartsWith("Tool 'fail' failed with an unexpected error.", result.Text());
        Assert.DoesNotContain("the backend is down", result.Text());
    }

    [Fact]
    public async Task McpException_in_the_tool_is_a_tool_error_with_its_message()
    {
        var result = await CallAsync("refuse", "{}");

        Assert.True(result.IsError);
        Assert.Equal("Tool 'refuse' failed: the ticket is locked", result.Text());
    }

    private static Task<ModelContextProtocol.Protocol.CallToolResult> CallAsync(string tool, string arguments, IServiceProvider? services = null) =>
        ToolCall.InvokeAsync(Assert.IsAssignableFrom<GeneratedMcpTool>(Assert.Single(Catalog.Value.Tools, t => t.Descriptor.Name == tool)), arguments, services);
}
