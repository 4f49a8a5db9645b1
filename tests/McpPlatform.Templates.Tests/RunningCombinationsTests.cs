using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;

namespace McpPlatform.Templates.Tests;

/// <summary>
/// Every pair of build-relevant option values (<see cref="TemplateOptions.BuildRelevant"/>, 12
/// scaffolds): each is instantiated, built with warnings as errors and started, then answers MCP over HTTP
/// with the scope names its identity provider's settings chose. All share the fixture's NuGet
/// cache, which the fixture's own scaffold restored, so each build restores from disk only.
/// </summary>
[Collection(ScaffoldCollection.Name)]
public sealed class RunningCombinationsTests(ScaffoldFixture scaffold)
{
    private const string ProjectName = "Contoso.Mcp.Issues";

    [Fact]
    public async Task Every_pair_of_build_relevant_options_builds_and_starts()
    {
        var combinations = TemplateOptions.BuildRelevant();
        Assert.Equal(combinations.Count, combinations.Distinct().Count());

        var failures = new ConcurrentBag<string>();
        // At most two builds at once: the machine has two cores.
        await Parallel.ForEachAsync(combinations, new ParallelOptions { MaxDegreeOfParallelism = 2 }, async (options, _) =>
        {
            try
            {
                await BuildStartAndCallAsync(Path.Combine(scaffold.WorkRoot, "running", options.Slug), options);
            }
            catch (Exception ex)
            {
                failures.Add($"dotnet new mcp-governed {options}:\n{ex.Message}");
            }
        });

        Assert.True(failures.IsEmpty, $"{failures.Count} of {combinations.Count} combinations failed:\n\n" + string.Join("\n\n", failures));
    }

    private async Task BuildStartAndCallAsync(string directory, TemplateOptions options)
    {
        await scaffold.InstantiateAsync(directory, ProjectName, options);
        var build = await scaffold.DotnetAsync(directory, "build", "-warnaserror", "--nologo");
        Assert.Matches(@"\b0 Warning\(s\)", build.Output);

        var server = await ScaffoldServer.StartAsync(directory, scaffold.Environment);
        try
        {
            var anonymous = await server.CallAsync(null, "tools/list", new { });
            Assert.Equal(HttpStatusCode.Unauthorized, anonymous.Status);

            var editor = server.Token([options.ReadScope, options.WriteScope], ["issue-editors"]);
            var list = await server.CallAsync(editor, "tools/list", new { });
            Assert.Equal(HttpStatusCode.OK, list.Status);
            var names = list.Message!.Value.GetProperty("result").GetProperty("tools").EnumerateArray().Select(t => t.GetProperty("name").GetString()).Order();
            Assert.Equal(["create_issue", "get_issue", "search_issues", "snippet_issue_digest"], names);

            var created = await server.CallAsync(editor, "tools/call", new { name = "create_issue", arguments = new { title = "From the combination test" } });
            var result = created.Message!.Value.GetProperty("result");
            Assert.False(result.TryGetProperty("isError", out var isError) && isError.GetBoolean(), result.ToString());
            Assert.StartsWith("DEMO-", result.GetProperty("structuredContent").GetProperty("key").GetString());

            // With no codemode query the configured default decides what a client sees.
            var defaultList = await server.CallAsync(editor, "tools/list", new { }, query: "");
            var defaultNames = defaultList.Message!.Value.GetProperty("result").GetProperty("tools").EnumerateArray().Select(t => t.GetProperty("name").GetString()).Order();
            Assert.Equal(options.CodeMode ? ["execute", "search"] : ["create_issue", "get_issue", "search_issues", "snippet_issue_digest"], defaultNames);

            // The other scope family is refused: the settings, not the platform defaults, decide.
            var otherFamily = options.IdentityProvider == "entra" ? "mcp:read" : "Mcp.Read";
            var wrongScope = await server.CallAsync(server.Token([otherFamily], []), "tools/list", new { });
            Assert.Equal(HttpStatusCode.Forbidden, wrongScope.Status);
            Assert.Contains($"scope=\"{options.ReadScope}\"", wrongScope.WwwAuthenticate);

            using var settings = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(directory, "bin", "Debug", "net10.0", "appsettings.json")));
            Assert.Equal(
                options.CodeMode ? "search_and_execute" : "tools",
                settings.RootElement.GetProperty("McpPlatform").GetProperty("CodeMode").GetProperty("Default").GetString());
        }
        catch (Exception ex) when (ex is not InvalidOperationException)
        {
            throw new Xunit.Sdk.XunitException($"{ex.Message}\nServer output:\n{server.OutputTail()}");
        }
        finally
        {
            server.Dispose();
            TryDelete(Path.Combine(directory, "obj"));
            TryDelete(Path.Combine(directory, "bin"));
        }
    }

    private static void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // The fixture removes the whole work folder at the end.
        }
    }
}
