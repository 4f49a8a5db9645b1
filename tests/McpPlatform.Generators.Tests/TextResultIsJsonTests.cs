using McpPlatform.Generators.Tests.Harness;

namespace McpPlatform.Generators.Tests;

/// <summary>
/// The descriptor flag that tells Code Mode a tool's text result is a JSON number or boolean: set
/// for numeric and boolean returns (nullable and awaited too), and for nothing else.
/// </summary>
public sealed class TextResultIsJsonTests
{
    [Theory]
    [InlineData("int", "5")]
    [InlineData("long", "5")]
    [InlineData("double", "2.5")]
    [InlineData("decimal", "2.5m")]
    [InlineData("bool", "false")]
    [InlineData("int?", "5")]
    [InlineData("bool?", "true")]
    [InlineData("Task<int>", "Task.FromResult(5)")]
    [InlineData("ValueTask<bool?>", "new ValueTask<bool?>(false)")]
    public void Numeric_and_boolean_returns_mark_the_text_result_as_json(string returnType, string value)
    {
        var tool = Tool(returnType, value);

        Assert.True(tool.Descriptor.TextResultIsJson);
    }

    [Theory]
    [InlineData("string", "\"5\"")]
    [InlineData("Guid", "Guid.Empty")]
    [InlineData("DateTime", "DateTime.UnixEpoch")]
    [InlineData("Shade", "Shade.Dark")]
    [InlineData("int[]", "new[] { 5 }")]
    [InlineData("Reading", "new Reading(5)")]
    [InlineData("Task", "Task.CompletedTask")]
    public void Other_returns_leave_the_flag_off(string returnType, string value)
    {
        var tool = Tool(returnType, value);

        Assert.False(tool.Descriptor.TextResultIsJson);
    }

    [Fact]
    public async Task A_flagged_tool_sends_its_value_as_json_literal_text()
    {
        var tool = Tool("double", "0.5");

        var result = await ToolCall.InvokeAsync(tool, "{}");

        Assert.Equal("0.5", result.Text());
    }

    private static McpPlatform.Hosting.Tools.GeneratedMcpTool Tool(string returnType, string value)
    {
        var run = GeneratorHarness.Run(ToolSource.Of($$"""
            public enum Shade { Light, Dark }

            public sealed record Reading(int Value);

            public static class Tools
            {
                /// <summary>Returns a value.</summary>
                [McpTool("value", Access = ToolAccess.Read)]
                public static {{returnType}} Get() => {{value}};
            }
            """));
        Assert.DoesNotContain(run.Diagnostics, d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error);
        return run.LoadTool("value");
    }
}
