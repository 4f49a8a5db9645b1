using McpPlatform.Generators.Tests.Harness;
using McpPlatform.Generators.Tests.Samples;
using Microsoft.CodeAnalysis;

namespace McpPlatform.Generators.Tests;

/// <summary>Every MCPP diagnostic: what triggers it, its severity, and that its message names the culprit.</summary>
public sealed class DiagnosticTests
{
    [Fact]
    public void Clean_tool_set_reports_nothing()
    {
        var run = GeneratorHarness.Run(IssueTrackerSample.Model, IssueTrackerSample.Tools);

        Assert.Empty(run.Diagnostics);
    }

    [Fact]
    public void MCPP001_parameter_type_without_a_json_schema_is_an_error_naming_the_parameter_and_type()
    {
        var source = ToolSource.Of("""
            public static class Timers
            {
                /// <summary>Waits.</summary>
                /// <param name="duration">How long to wait.</param>
                [McpTool(Access = ToolAccess.Write)]
                public static string Wait(TimeSpan duration) => "done";
            }
            """);
        var run = GeneratorHarness.Run(source);

        var diagnostic = DiagnosticAssert.Reported(run, "MCPP001", DiagnosticSeverity.Error, "'duration'", "'Timers.Wait'", "'System.TimeSpan'");
        Assert.Equal("duration", SourceAt(diagnostic, source));
    }

    [Fact]
    public void MCPP002_two_methods_with_one_tool_name_are_both_reported_and_neither_is_emitted()
    {
        var run = GeneratorHarness.Run(ToolSource.Of("""
            public static class Issues
            {
                [McpTool(Description = "Finds issues.", Access = ToolAccess.Read)]
                public static string Find() => "issue";
            }

            public static class Users
            {
                [McpTool(Description = "Finds users.", Access = ToolAccess.Read)]
                public static string Find() => "user";

                [McpTool(Description = "Lists users.", Access = ToolAccess.Read)]
                public static string List() => "users";
            }
            """));

        var reported = run.Diagnostics.Where(d => d.Id == "MCPP002").ToList();
        Assert.Equal(2, reported.Count);
        Assert.All(reported, d =>
        {
            Assert.Equal(DiagnosticSeverity.Error, d.Severity);
            Assert.Contains("'find'", d.GetMessage());
            Assert.Contains("Sample.Issues.Find, Sample.Users.Find", d.GetMessage());
        });
        Assert.Equal(["list"], run.LoadCatalog().Tools.Select(t => t.Descriptor.Name));
    }

    [Theory]
    [InlineData("find issue")]
    [InlineData("find/issue")]
    [InlineData("")]
    [InlineData("a123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789")]
    public void MCPP003_invalid_tool_name_is_an_error_naming_the_tool_and_method(string name)
    {
        var run = GeneratorHarness.Run(ToolSource.Of($$"""
            public static class Tools
            {
                [McpTool("{{name}}", Description = "Finds.", Access = ToolAccess.Read)]
                public static string Find() => "found";
            }
            """));

        DiagnosticAssert.Reported(run, "MCPP003", DiagnosticSeverity.Error, $"'{name}'", "'Tools.Find'");
    }

    [Fact]
    public void MCPP004_tool_without_description_is_a_warning_and_still_emitted()
    {
        var run = GeneratorHarness.Run(ToolSource.Of("""
            public static class Tools
            {
                [McpTool(Access = ToolAccess.Read)]
                public static string Ping() => "pong";
            }
            """));

        DiagnosticAssert.Reported(run, "MCPP004", DiagnosticSeverity.Warning, "'ping'");
        Assert.Equal(string.Empty, run.LoadTool("ping").Descriptor.Description);
    }

    [Fact]
    public void MCPP005_tool_without_access_class_is_a_warning_and_treated_as_write()
    {
        var run = GeneratorHarness.Run(ToolSource.Of("""
            public static class Tools
            {
                [McpTool(Description = "Pings.")]
                public static string Ping() => "pong";
            }
            """));

        DiagnosticAssert.Reported(run, "MCPP005", DiagnosticSeverity.Warning, "'ping'", "Write");
        Assert.Equal(ToolAccess.Write, run.LoadTool("ping").Descriptor.Access);
    }

    [Theory]
    [InlineData("public static class Tools { [McpTool(Description = \"Echoes.\", Access = ToolAccess.Read)] public static string Echo<T>(string text) => text; }")]
    [InlineData("public static class Tools<T> { [McpTool(Description = \"Echoes.\", Access = ToolAccess.Read)] public static string Echo(string text) => text; }")]
    public void MCPP006_generic_method_or_type_is_an_error_naming_the_method(string declarations)
    {
        var run = GeneratorHarness.Run(ToolSource.Of(declarations.Replace("string text", "[Description(\"Text.\")] string text")));

        DiagnosticAssert.Reported(run, "MCPP006", DiagnosticSeverity.Error, "'Tools.Echo'");
        Assert.False(run.HasGeneratedSource && run.GeneratedSource.Contains("Echo", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("ref")]
    [InlineData("out")]
    [InlineData("in")]
    public void MCPP007_by_reference_parameter_is_an_error_naming_the_parameter(string modifier)
    {
        var body = modifier == "out" ? "{ total = 1; return \"counted\"; }" : "=> \"counted\";";
        var source = ToolSource.Of($$"""
            public static class Tools
            {
                [McpTool(Description = "Counts.", Access = ToolAccess.Read)]
                public static string Count([Description("The total.")] {{modifier}} int total) {{body}}
            }
            """);
        var run = GeneratorHarness.Run(source);

        var diagnostic = DiagnosticAssert.Reported(run, "MCPP007", DiagnosticSeverity.Error, "'Tools.Count'", "'total'");
        Assert.Equal("total", SourceAt(diagnostic, source));
    }

    [Theory]
    [InlineData("public static class Tools { [McpTool(Description = \"Hides.\", Access = ToolAccess.Read)] private static string Hidden() => \"x\"; public static string Use() => Hidden(); }")]
    [InlineData("public static class Outer { private static class Tools { [McpTool(Description = \"Hides.\", Access = ToolAccess.Read)] public static string Hidden() => \"x\"; } public static string Use() => Tools.Hidden(); }")]
    public void MCPP008_method_generated_code_cannot_call_is_an_error_naming_the_method(string declarations)
    {
        var run = GeneratorHarness.Run(ToolSource.Of(declarations));

        DiagnosticAssert.Reported(run, "MCPP008", DiagnosticSeverity.Error, "'Tools.Hidden'");
    }

    [Fact]
    public void MCPP009_return_type_without_content_mapping_is_an_error_naming_the_type()
    {
        var run = GeneratorHarness.Run(ToolSource.Of("""
            public static class Files
            {
                [McpTool(Description = "Opens a file.", Access = ToolAccess.Read)]
                public static Task<System.IO.Stream> Open() => Task.FromResult(System.IO.Stream.Null);
            }
            """));

        DiagnosticAssert.Reported(run, "MCPP009", DiagnosticSeverity.Error, "'Files.Open'", "System.IO.Stream");
    }

    [Fact]
    public void MCPP010_instance_tool_on_a_class_without_usable_constructor_is_an_error_naming_the_class()
    {
        var run = GeneratorHarness.Run(ToolSource.Of("""
            public sealed class Vault
            {
                private Vault()
                {
                }

                public static Vault Create() => new();

                [McpTool(Description = "Opens the vault.", Access = ToolAccess.Read)]
                public string Open() => "open";
            }
            """));

        DiagnosticAssert.Reported(run, "MCPP010", DiagnosticSeverity.Error, "'Vault.Open'", "'Vault'");
    }

    [Fact]
    public void MCPP011_parameter_without_description_is_a_warning_naming_parameter_and_tool()
    {
        var source = ToolSource.Of("""
            public static class Tools
            {
                /// <summary>Finds an item.</summary>
                /// <param name="key">The item key.</param>
                [McpTool(Access = ToolAccess.Read)]
                public static string Find(string key, int limit) => key;
            }
            """);
        var run = GeneratorHarness.Run(source);

        var diagnostic = DiagnosticAssert.Reported(run, "MCPP011", DiagnosticSeverity.Warning, "'limit'", "'find'");
        Assert.Equal("limit", SourceAt(diagnostic, source));
        Assert.NotNull(run.LoadTool("find"));
    }

    [Fact]
    public void MCPP025_required_property_with_JsonIgnore_is_reported_once_for_every_tool_using_it_and_no_tool_is_emitted()
    {
        var source = ToolSource.Of("""
            using System.Text.Json.Serialization;

            public sealed class Login
            {
                public required string User { get; init; }

                [JsonIgnore]
                public required string Token { get; init; }
            }

            public static class Tools
            {
                [McpTool(Description = "Signs in.", Access = ToolAccess.Write)]
                public static string SignIn([Description("Who.")] Login login) => login.User;

                [McpTool(Description = "Checks.", Access = ToolAccess.Read)]
                public static string Check([Description("Who.")] Login login) => login.User;

                [McpTool(Description = "Pings.", Access = ToolAccess.Read)]
                public static string Ping() => "pong";
            }
            """);
        var run = GeneratorHarness.Run(source);

        var diagnostic = DiagnosticAssert.Reported(run, "MCPP025", DiagnosticSeverity.Error, "'Token'", "'Login'", "remove 'required' or the [JsonIgnore]");
        Assert.Equal("Token", SourceAt(diagnostic, source));
        Assert.DoesNotContain(run.Diagnostics, d => d.Id == "MCPP001");
        Assert.Equal(["ping"], run.LoadCatalog().Tools.Select(t => t.Descriptor.Name));
    }

    [Theory]
    [InlineData("[JsonPropertyName(\"id\")] public string Key { get; set; } = \"\";", "'Id' and 'Key'", "'id'")]
    [InlineData("[JsonPropertyName(\"ID\")] public string Key { get; set; } = \"\";", "'Id' and 'Key'", "'ID'")]
    public void MCPP026_two_properties_with_one_json_name_are_an_error_naming_both(string renamed, string properties, string name)
    {
        var source = ToolSource.Of($$"""
            using System.Text.Json.Serialization;

            public sealed class Item
            {
                public string Id { get; set; } = "";

                {{renamed}}
            }

            public static class Tools
            {
                [McpTool(Description = "Saves.", Access = ToolAccess.Write)]
                public static string Save([Description("What.")] Item item) => item.Id;
            }
            """);
        var run = GeneratorHarness.Run(source);

        var diagnostic = DiagnosticAssert.Reported(run, "MCPP026", DiagnosticSeverity.Error, properties, "'Item'", name, "[JsonPropertyName]");
        Assert.Equal("Key", SourceAt(diagnostic, source));
        Assert.False(run.HasGeneratedSource && run.LoadCatalog().Tools.Count > 0);
    }

    [Fact]
    public void MCPP027_JsonExtensionData_is_an_error_naming_the_property_instead_of_an_unsupported_type()
    {
        var source = ToolSource.Of("""
            using System.Text.Json;
            using System.Text.Json.Serialization;

            public sealed class Event
            {
                public string Name { get; set; } = "";

                [JsonExtensionData]
                public Dictionary<string, JsonElement>? Extra { get; set; }
            }

            public static class Tools
            {
                [McpTool(Description = "Records.", Access = ToolAccess.Write)]
                public static string Record([Description("What.")] Event value) => value.Name;
            }
            """);
        var run = GeneratorHarness.Run(source);

        var diagnostic = DiagnosticAssert.Reported(run, "MCPP027", DiagnosticSeverity.Error, "'Extra'", "'Event'", "Dictionary<string, T>");
        Assert.Equal("Extra", SourceAt(diagnostic, source));
        Assert.DoesNotContain(run.Diagnostics, d => d.Id == "MCPP001");
    }

    [Fact]
    public void MCPP028_converters_JsonInclude_and_enum_member_names_generated_code_cannot_apply_are_warnings_and_the_tool_is_still_emitted()
    {
        var source = ToolSource.Of("""
            using System.Text.Json;
            using System.Text.Json.Serialization;

            public enum Size { Small, [JsonStringEnumMemberName("XL")] Large }

            public sealed class MoneyConverter : JsonConverter<Money>
            {
                public override Money Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => new(0, "EUR");

                public override void Write(Utf8JsonWriter writer, Money value, JsonSerializerOptions options) => writer.WriteStringValue(value.Currency);
            }

            [JsonConverter(typeof(MoneyConverter))]
            public sealed record Money(decimal Amount, string Currency);

            public sealed class Order
            {
                public Money Total { get; set; } = new(0, "EUR");

                [JsonConverter(typeof(JsonStringEnumConverter))]
                public Size Size { get; set; }

                [JsonInclude]
                public int Count { get; private set; }
            }

            public static class Tools
            {
                [McpTool(Description = "Orders.", Access = ToolAccess.Write)]
                public static string Place([Description("What.")] Order order) => order.Size.ToString();
            }
            """);
        var run = GeneratorHarness.Run(source);

        var warnings = run.Diagnostics.Where(d => d.Id == "MCPP028").ToList();
        Assert.Equal(3, warnings.Count);
        Assert.All(warnings, w => Assert.Equal(DiagnosticSeverity.Warning, w.Severity));
        Assert.Contains(warnings, w => w.GetMessage().Contains("[JsonConverter(typeof(Sample.MoneyConverter))] on 'Money'", StringComparison.Ordinal) && SourceAt(w, source) == "Money");
        Assert.Contains(warnings, w => w.GetMessage().Contains("[JsonInclude] on 'Order.Count'", StringComparison.Ordinal) && SourceAt(w, source) == "Count");
        Assert.Contains(warnings, w => w.GetMessage().Contains("[JsonStringEnumMemberName] on 'Size.Large'", StringComparison.Ordinal) && SourceAt(w, source) == "Large");
        Assert.NotNull(run.LoadTool("place"));
    }

    [Fact]
    public void Tool_with_an_error_is_left_out_while_the_others_still_compile()
    {
        var run = GeneratorHarness.Run(ToolSource.Of("""
            public static class Tools
            {
                [McpTool(Description = "Waits.", Access = ToolAccess.Write)]
                public static string Wait([Description("How long.")] TimeSpan duration) => "done";

                [McpTool(Description = "Pings.", Access = ToolAccess.Read)]
                public static string Ping() => "pong";
            }
            """));

        Assert.Single(run.Diagnostics, d => d.Id == "MCPP001");
        Assert.Empty(run.CompilationProblems);
        Assert.Equal(["ping"], run.LoadCatalog().Tools.Select(t => t.Descriptor.Name));
    }

    private static string SourceAt(Diagnostic diagnostic, string source) =>
        source.Substring(diagnostic.Location.SourceSpan.Start, diagnostic.Location.SourceSpan.Length);
}
