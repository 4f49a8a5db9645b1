using McpPlatform.Generators.Tests.Harness;
using Microsoft.CodeAnalysis;

namespace McpPlatform.Generators.Tests.Resources;

/// <summary>MCPP015-MCPP024: what triggers each resource, prompt and completion diagnostic, and that the culprit is not emitted.</summary>
public sealed class ResourceDiagnosticTests
{
    [Fact]
    public void MCPP015_resource_and_prompt_without_description_are_warned_but_still_emitted()
    {
        var run = Run("""
            [McpResource("docs://a")]
            public static string A() => "a";

            [McpPrompt]
            public static string Ask() => "ask";
            """);

        var warnings = run.Diagnostics.Where(d => d.Id == "MCPP015").ToList();
        Assert.Equal(2, warnings.Count);
        Assert.All(warnings, d => Assert.Equal(DiagnosticSeverity.Warning, d.Severity));
        Assert.Contains(warnings, d => d.GetMessage().Contains("Resource 'a'", StringComparison.Ordinal));
        Assert.Contains(warnings, d => d.GetMessage().Contains("Prompt 'ask'", StringComparison.Ordinal));
        Assert.Equal(2, run.LoadResourceCatalog().Resources.Count + run.LoadResourceCatalog().Prompts.Count);
    }

    [Theory]
    [InlineData("no-scheme/{id}", "scheme")]
    [InlineData("docs://{id", "variables are written")]
    [InlineData("docs://{+path}", "not supported")]
    [InlineData("docs://{id}/{id}", "appears twice")]
    [InlineData("docs://a b", "white space")]
    public void MCPP016_invalid_uri_or_template_is_an_error_that_says_why(string uri, string why)
    {
        var run = Run($$"""
            /// <summary>Broken.</summary>
            [McpResource("{{uri}}")]
            public static string Broken(string id) => id;
            """);

        var diagnostic = DiagnosticAssert.Reported(run, "MCPP016", DiagnosticSeverity.Error, "'Docs.Broken'", why);
        Assert.Contains(uri, diagnostic.GetMessage());
        Assert.False(run.Result.GeneratedTrees.Any(t => t.FilePath.EndsWith(ResourceRun.HintName, StringComparison.Ordinal)));
    }

    [Fact]
    public void MCPP017_template_variable_without_parameter_is_an_error_naming_the_variable()
    {
        var run = Run("""
            /// <summary>A ticket.</summary>
            [McpResource("tickets://{project}/{id}")]
            public static string Ticket(string id) => id;
            """);

        DiagnosticAssert.Reported(run, "MCPP017", DiagnosticSeverity.Error, "'Docs.Ticket'", "{project}");
    }

    [Fact]
    public void MCPP017_string_parameter_that_is_not_a_variable_is_an_error_naming_it()
    {
        var run = Run("""
            /// <summary>A ticket.</summary>
            [McpResource("tickets://{id}")]
            public static string Ticket(string id, string extra) => id + extra;
            """);

        DiagnosticAssert.Reported(run, "MCPP017", DiagnosticSeverity.Error, "extra", "not variables");
    }

    [Fact]
    public void MCPP018_duplicate_uri_is_reported_on_both_methods_and_neither_is_emitted()
    {
        var run = Run("""
            /// <summary>One.</summary>
            [McpResource("docs://same", Name = "one")]
            public static string One() => "1";

            /// <summary>Two.</summary>
            [McpResource("docs://same", Name = "two")]
            public static string Two() => "2";

            /// <summary>Other.</summary>
            [McpResource("docs://other")]
            public static string Other() => "3";
            """);

        var reported = run.Diagnostics.Where(d => d.Id == "MCPP018").ToList();
        Assert.Equal(2, reported.Count);
        Assert.All(reported, d => Assert.Contains("URI 'docs://same'", d.GetMessage()));
        Assert.All(reported, d => Assert.Contains("Sample.Docs.One, Sample.Docs.Two", d.GetMessage()));
        Assert.Equal(["other"], run.LoadResourceCatalog().Resources.Select(r => r.Descriptor.Name));
    }

    [Fact]
    public void MCPP018_duplicate_resource_name_is_reported()
    {
        var run = Run("""
            /// <summary>One.</summary>
            [McpResource("docs://one", Name = "doc")]
            public static string One() => "1";

            /// <summary>Two.</summary>
            [McpResource("docs://two", Name = "doc")]
            public static string Two() => "2";
            """);

        Assert.Equal(2, run.Diagnostics.Count(d => d.Id == "MCPP018" && d.GetMessage().Contains("name 'doc'", StringComparison.Ordinal)));
    }

    [Fact]
    public void MCPP019_duplicate_prompt_name_is_reported_on_both_methods()
    {
        var run = Run("""
            /// <summary>One.</summary>
            [McpPrompt("ask")]
            public static string One() => "1";

            /// <summary>Two.</summary>
            [McpPrompt("ask")]
            public static string Two() => "2";
            """);

        var reported = run.Diagnostics.Where(d => d.Id == "MCPP019").ToList();
        Assert.Equal(2, reported.Count);
        Assert.All(reported, d => Assert.Contains("'ask'", d.GetMessage()));
    }

    [Theory]
    [InlineData("[McpResource(\"docs://n\")]", "int", "Resource")]
    [InlineData("[McpResource(\"docs://n\")]", "Task", "Resource")]
    [InlineData("[McpPrompt]", "System.IO.Stream?", "Prompt")]
    [InlineData("[McpPrompt]", "void", "Prompt")]
    public void MCPP020_unsupported_return_type_is_an_error_naming_the_type(string attribute, string returnType, string kind)
    {
        var body = returnType == "void" ? "{ }" : "=> throw new InvalidOperationException();";
        var run = Run($$"""
            /// <summary>Numbers.</summary>
            {{attribute}}
            public static {{returnType}} Numbers() {{body}}
            """);

        DiagnosticAssert.Reported(run, "MCPP020", DiagnosticSeverity.Error, kind + " method 'Docs.Numbers'", returnType.TrimEnd('?') == "Task" ? "Task" : returnType.TrimEnd('?'));
    }

    [Fact]
    public void MCPP020_completion_returning_a_string_is_an_error()
    {
        var run = Run("""
            /// <summary>Ask.</summary>
            [McpPrompt]
            public static string Ask(string topic) => topic;

            [McpCompletion("topic", Prompt = "ask")]
            public static string Topics(string value) => value;
            """);

        DiagnosticAssert.Reported(run, "MCPP020", DiagnosticSeverity.Error, "Completion method 'Docs.Topics'", "IEnumerable<string>");
    }

    [Theory]
    [InlineData("Prompt = \"missing\"", "no prompt is named 'missing'")]
    [InlineData("Prompt = \"ask\"", "prompt 'ask' has no argument 'other'", "other")]
    [InlineData("ResourceTemplate = \"docs://{nope}\"", "no resource has the URI template 'docs://{nope}'")]
    [InlineData("ResourceTemplate = \"docs://{id}\"", "URI template 'docs://{id}' has no variable 'other'", "other")]
    [InlineData("", "set exactly one of Prompt and ResourceTemplate")]
    [InlineData("Prompt = \"ask\", ResourceTemplate = \"docs://{id}\"", "set exactly one of Prompt and ResourceTemplate")]
    public void MCPP021_completion_target_that_does_not_exist_is_an_error_that_says_what_is_missing(string target, string message, string argument = "topic")
    {
        var separator = target.Length == 0 ? string.Empty : ", ";
        var run = Run($$"""
            /// <summary>Ask.</summary>
            [McpPrompt]
            public static string Ask(string topic) => topic;

            /// <summary>A doc.</summary>
            [McpResource("docs://{id}")]
            public static string Doc(string id) => id;

            [McpCompletion("{{argument}}"{{separator}}{{target}})]
            public static IEnumerable<string> Complete(string value) => new[] { value };
            """);

        DiagnosticAssert.Reported(run, "MCPP021", DiagnosticSeverity.Error, "Docs.Complete'", message);
        Assert.Empty(run.LoadResourceCatalog().Completions);
    }

    [Fact]
    public void MCPP022_non_string_prompt_argument_is_an_error_naming_the_parameter()
    {
        var run = Run("""
            /// <summary>Ask.</summary>
            [McpPrompt]
            public static string Ask(int count) => count.ToString();
            """);

        DiagnosticAssert.Reported(run, "MCPP022", DiagnosticSeverity.Error, "'count'", "prompt method 'Docs.Ask'", "'int'");
    }

    [Fact]
    public void MCPP022_completion_without_a_value_parameter_is_an_error()
    {
        var run = Run("""
            /// <summary>Ask.</summary>
            [McpPrompt]
            public static string Ask(string topic) => topic;

            [McpCompletion("topic", Prompt = "ask")]
            public static IEnumerable<string> Complete() => new[] { "a" };
            """);

        DiagnosticAssert.Reported(run, "MCPP022", DiagnosticSeverity.Error, "exactly one string parameter");
    }

    [Fact]
    public void MCPP023_two_completions_for_one_argument_are_both_reported()
    {
        var run = Run("""
            /// <summary>Ask.</summary>
            [McpPrompt]
            public static string Ask(string topic) => topic;

            [McpCompletion("topic", Prompt = "ask")]
            public static IEnumerable<string> One(string value) => new[] { "a" };

            [McpCompletion("topic", Prompt = "ask")]
            public static IEnumerable<string> Two(string value) => new[] { "b" };
            """);

        var reported = run.Diagnostics.Where(d => d.Id == "MCPP023").ToList();
        Assert.Equal(2, reported.Count);
        Assert.All(reported, d => Assert.Contains("Sample.Docs.One, Sample.Docs.Two", d.GetMessage()));
    }

    [Fact]
    public void MCPP024_invalid_prompt_name_is_an_error()
    {
        var run = Run("""
            /// <summary>Ask.</summary>
            [McpPrompt("ask me")]
            public static string Ask() => "a";
            """);

        DiagnosticAssert.Reported(run, "MCPP024", DiagnosticSeverity.Error, "Prompt name 'ask me'", "'Docs.Ask'");
    }

    private static GeneratorRun Run(string members) => GeneratorHarness.Run(ToolSource.Of($$"""
        public static class Docs
        {
        {{members}}
        }
        """));
}
