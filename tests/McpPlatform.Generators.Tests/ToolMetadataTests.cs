using McpPlatform.Generators.Tests.Harness;
using McpPlatform.Generators.Tests.Samples;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using ModelContextProtocol.Protocol;

namespace McpPlatform.Generators.Tests;

/// <summary>Names, descriptions and annotations as clients see them in tools/list.</summary>
public sealed class ToolMetadataTests
{
    private const string DocumentedTool = """
        public static class Documented
        {
            /// <summary>
            /// Finds the <see cref="Ticket"/> with
            /// the given key.
            /// </summary>
            /// <param name="key">The ticket key, e.g. <c>OPS-12</c>.</param>
            /// <param name="verbose">Ignored: the attribute wins.</param>
            [McpTool(Access = ToolAccess.Read)]
            public static string FindTicket(string key, [Description("Include the full history.")] bool verbose = false) => key;
        }

        public sealed class Ticket
        {
        }
        """;

    // Projects without GenerateDocumentationFile compile without parsed doc comments; the generator reads the trivia.
    [Theory]
    [InlineData(DocumentationMode.Parse)]
    [InlineData(DocumentationMode.None)]
    public void Xml_summary_and_param_comments_become_descriptions(DocumentationMode mode)
    {
        var parseOptions = GeneratorHarness.ParseOptions.WithDocumentationMode(mode);
        var run = GeneratorHarness.Run(GeneratorHarness.Compile(parseOptions, ToolSource.Of(DocumentedTool)));

        var tool = run.LoadTool("find_ticket").ProtocolTool;
        var properties = tool.InputSchema.GetProperty("properties");
        Assert.Equal("Finds the Ticket with the given key.", tool.Description);
        Assert.Equal("The ticket key, e.g. OPS-12.", properties.GetProperty("key").GetProperty("description").GetString());
        Assert.Equal("Include the full history.", properties.GetProperty("verbose").GetProperty("description").GetString());
    }

    [Fact]
    public void Attribute_description_wins_over_the_xml_summary()
    {
        var run = GeneratorHarness.Run(ToolSource.Of("""
            public static class Tools
            {
                /// <summary>From the XML summary.</summary>
                [McpTool(Description = "From the attribute.", Access = ToolAccess.Read)]
                public static string Ping() => "pong";
            }
            """));

        Assert.Equal("From the attribute.", run.LoadTool("ping").ProtocolTool.Description);
    }

    [Theory]
    [InlineData("GetIssueById", "get_issue_by_id")]
    [InlineData("SearchIssuesAsync", "search_issues")]
    [InlineData("GetHTTPStatus", "get_http_status")]
    [InlineData("ListV2Items", "list_v2_items")]
    [InlineData("Ping", "ping")]
    public void Tool_name_defaults_to_the_method_name_in_snake_case(string methodName, string toolName)
    {
        var run = GeneratorHarness.Run(ToolSource.Of($$"""
            public static class Tools
            {
                [McpTool(Description = "A tool.", Access = ToolAccess.Read)]
                public static string {{methodName}}() => "ok";
            }
            """));

        Assert.Equal(toolName, Assert.Single(run.LoadCatalog().Tools).ProtocolTool.Name);
    }

    [Fact]
    public void Explicit_tool_name_title_and_tool_set_are_honoured()
    {
        var run = GeneratorHarness.Run(ToolSource.Of("""
            [McpToolSet("tickets")]
            public static class TicketTools
            {
                [McpTool("tickets.find-by-key", Title = "Find ticket", Description = "Finds a ticket.", Access = ToolAccess.Read)]
                public static string GetTicket() => "ok";
            }

            public static class OtherTools
            {
                [McpTool(Description = "Lists tickets.", Access = ToolAccess.Read)]
                public static string ListTickets() => "ok";
            }
            """));

        var named = run.LoadTool("tickets.find-by-key");
        Assert.Equal("Find ticket", named.ProtocolTool.Title);
        Assert.Equal("Find ticket", named.ProtocolTool.Annotations?.Title);
        Assert.Equal("tickets", named.Descriptor.ToolSet);
        Assert.Equal("OtherTools", run.LoadTool("list_tickets").Descriptor.ToolSet);
    }

    [Theory]
    [InlineData("ToolAccess.Read", true, null)]
    [InlineData("ToolAccess.Write", false, false)]
    [InlineData("ToolAccess.Destructive", false, true)]
    public void Access_class_becomes_read_only_and_destructive_hints(string access, bool readOnly, bool? destructive)
    {
        var annotations = AnnotationsOf($"Access = {access}");

        Assert.Equal(readOnly, annotations.ReadOnlyHint);
        Assert.Equal(destructive, annotations.DestructiveHint);
    }

    [Fact]
    public void Missing_access_class_is_published_as_write()
    {
        var annotations = AnnotationsOf("Description = \"No access given.\"", ignoreWarnings: true);

        Assert.False(annotations.ReadOnlyHint);
        Assert.False(annotations.DestructiveHint);
    }

    [Theory]
    [InlineData("", null, null)]
    [InlineData(", Idempotent = true, OpenWorld = true", true, true)]
    [InlineData(", Idempotent = false, OpenWorld = false", false, false)]
    public void Idempotent_and_open_world_hints_are_published_only_when_set(string hints, bool? idempotent, bool? openWorld)
    {
        var annotations = AnnotationsOf("Access = ToolAccess.Write" + hints);

        Assert.Equal(idempotent, annotations.IdempotentHint);
        Assert.Equal(openWorld, annotations.OpenWorldHint);
    }

    [Fact]
    public void Record_result_publishes_an_output_schema_and_other_results_do_not()
    {
        var run = GeneratorHarness.Run(IssueTrackerSample.Model, IssueTrackerSample.Tools);

        var output = run.LoadTool("create_issue").ProtocolTool.OutputSchema!.Value;
        Assert.Equal("https://json-schema.org/draft/2020-12/schema", output.GetProperty("$schema").GetString());
        Assert.Equal(["id", "title", "state", "createdAt", "labels", "assignee"], JsonAssert.PropertyNames(output));
        Assert.Equal(["id", "title", "state", "createdAt", "labels"], JsonAssert.Required(output));
        Assert.Null(run.LoadTool("search_issues").ProtocolTool.OutputSchema);
        Assert.Null(run.LoadTool("issues.delete").ProtocolTool.OutputSchema);
    }

    private static ToolAnnotations AnnotationsOf(string attributeArguments, bool ignoreWarnings = false)
    {
        var run = GeneratorHarness.Run(ToolSource.Of($$"""
            public static class Tools
            {
                /// <summary>Does something.</summary>
                [McpTool({{attributeArguments}})]
                public static string Act() => "done";
            }
            """));

        if (!ignoreWarnings)
        {
            Assert.Empty(run.Diagnostics);
        }

        return run.LoadTool("act").ProtocolTool.Annotations!;
    }
}
