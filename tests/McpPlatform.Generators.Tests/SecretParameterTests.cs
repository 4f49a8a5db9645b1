using System.Text.Json;
using McpPlatform.Generators.Tests.Harness;
using Microsoft.CodeAnalysis;

namespace McpPlatform.Generators.Tests;

/// <summary>[Secret("name")] parameters: declared on the descriptor, absent from the schema, filled at run time.</summary>
public sealed class SecretParameterTests
{
    private const string JiraTool = """
        public static class Jira
        {
            /// <summary>Searches Jira.</summary>
            /// <param name="jql">The query.</param>
            /// <param name="token">The Jira API token.</param>
            [McpTool(Access = ToolAccess.Read)]
            public static string Search(string jql, [Secret("jira-token")] string token) => jql.Length + ":" + token.Length;
        }
        """;

    [Fact]
    public void Secret_parameter_is_listed_on_the_descriptor_and_is_not_in_the_input_schema()
    {
        var run = GeneratorHarness.Run(ToolSource.Of(JiraTool));

        Assert.Empty(run.CompilationProblems);
        var descriptor = run.LoadTool("search").Descriptor;
        Assert.Equal(["jira-token"], descriptor.Secrets);
        using var schema = JsonDocument.Parse(descriptor.InputSchema);
        Assert.Equal(["jql"], schema.RootElement.GetProperty("properties").EnumerateObject().Select(p => p.Name));
        Assert.DoesNotContain("token", descriptor.InputSchema);
    }

    [Fact]
    public void Secret_is_read_through_the_invocation_after_the_arguments_are_bound()
    {
        var source = GeneratorHarness.Run(ToolSource.Of(JiraTool)).GeneratedSource;

        var bind = source.IndexOf("JsonArgumentReader.ReadString(invocation.Arguments.GetRequired(\"jql\"", StringComparison.Ordinal);
        var secret = source.IndexOf("await invocation.GetSecretAsync(@\"jira-token\", cancellationToken)", StringComparison.Ordinal);
        Assert.True(bind >= 0 && secret > bind, "the secret must be fetched after argument binding");
    }

    [Theory]
    [InlineData("[Secret(\"jira-token\")] int token", "must be a string")]
    [InlineData("[Secret(\"jira token!\")] string token", "not a valid secret name")]
    [InlineData("[Secret(\"-leading-dash\")] string token", "not a valid secret name")]
    public void MCPP012_invalid_secret_parameter_is_an_error_naming_it(string parameter, string problem)
    {
        var run = GeneratorHarness.Run(ToolSource.ProbeTaking(parameter));

        var diagnostic = Assert.Single(run.Diagnostics, d => d.Id == "MCPP012");
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Contains("'token'", diagnostic.GetMessage());
        Assert.Contains(problem, diagnostic.GetMessage());
    }
}
