using System.Text.Json.Nodes;
using McpPlatform.Generators.Tests.Harness;
using McpPlatform.Generators.Tests.Samples;
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
    [InlineData("""{"count":"three","priority":"Low","when":"2025-01-02T03:04:05Z"}""", "Invalid argument 'count': expected an integer (32-bit), got a string.")]
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

    [Fact]
    public async Task Exception_in_the_tool_is_a_tool_error_with_its_message()
    {
        var result = await CallAsync("fail", "{}");

        Assert.True(result.IsError);
        Assert.Equal("Tool 'fail' failed: the backend is down", result.Text());
    }

    private static Task<ModelContextProtocol.Protocol.CallToolResult> CallAsync(string tool, string arguments, IServiceProvider? services = null) =>
        ToolCall.InvokeAsync(Assert.Single(Catalog.Value.Tools, t => t.Descriptor.Name == tool), arguments, services);
}
