using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace McpPlatform.Templates.Tests;

/// <summary>
/// The template's options: help text, validation, and a pairwise cover of the 216 combinations
/// (<see cref="TemplateOptions.Pairwise"/>) instantiated without restore and checked file by file
/// (file set, no template markers, settings, eng/ci.sh, YAML parses, references exist, manifests).
/// </summary>
[Collection(ScaffoldCollection.Name)]
public sealed partial class OptionCombinationTests(ScaffoldFixture scaffold)
{
    private const string ProjectName = "Contoso.Mcp.Issues";
    private const string Slug = "contoso-mcp-issues";
    private const int Parallelism = 2;

    [Fact]
    public async Task Help_shows_every_option_with_its_description()
    {
        var help = await scaffold.DotnetAsync(scaffold.WorkRoot, "new", "mcp-governed", "--help", "--debug:custom-hive", scaffold.Hive);
        var text = Collapse(help.Output);

        var configFolder = Path.Combine(RepositoryLayout.Root, "templates", "McpPlatform.Templates", "content", "mcp-governed", ".template.config");
        using var template = JsonDocument.Parse(File.ReadAllText(Path.Combine(configFolder, "template.json")));
        using var host = JsonDocument.Parse(File.ReadAllText(Path.Combine(configFolder, "dotnetcli.host.json")));
        var parameters = template.RootElement.GetProperty("symbols").EnumerateObject()
            .Where(symbol => symbol.Value.GetProperty("type").GetString() == "parameter")
            .ToList();
        Assert.True(parameters.Count >= 7, "framework, no-restore and the five product options");
        foreach (var parameter in parameters)
        {
            var longName = host.RootElement.GetProperty("symbolInfo").GetProperty(parameter.Name).GetProperty("longName").GetString();
            Assert.Contains($"--{longName}", text);
            Assert.Contains(Collapse(parameter.Value.GetProperty("description").GetString()!), text);
            if (parameter.Value.TryGetProperty("choices", out var choices))
            {
                foreach (var choice in choices.EnumerateArray())
                {
                    Assert.Contains(Collapse($"{choice.GetProperty("choice").GetString()} {choice.GetProperty("description").GetString()}"), text);
                }
            }
        }

        foreach (var option in new[] { "--identity-provider", "--secrets", "--code-mode", "--ci", "--deploy" })
        {
            Assert.Contains(option, text);
        }
    }

    [Theory]
    [InlineData("--identity-provider", "google", "cloudflare-access")]
    [InlineData("--secrets", "vault", "keyvault")]
    [InlineData("--ci", "jenkins", "azure-pipelines")]
    [InlineData("--deploy", "lambda", "container-apps")]
    public async Task An_unknown_choice_is_refused_naming_the_valid_ones(string option, string value, string aValidChoice)
    {
        var (result, output) = await NewWithAsync(option, value);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains($"'{value}' is not a valid value for {option}", result.Output);
        Assert.Contains(aValidChoice, result.Output);
        AssertNothingWritten(output);
    }

    [Fact]
    public async Task Code_mode_takes_only_true_or_false()
    {
        var (result, output) = await NewWithAsync("--code-mode", "maybe");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("'maybe' is not a valid option", result.Output);
        AssertNothingWritten(output);
    }

    [Theory]
    [InlineData(new string[0], true, false)]
    [InlineData(new[] { "--dev-sign-in", "false" }, false, false)]
    [InlineData(new[] { "--fleet", "true", "--dev-sign-in", "false" }, false, true)]
    [InlineData(new[] { "--fleet", "true" }, true, true)]
    public async Task Dev_sign_in_and_fleet_add_their_packages_and_nothing_else(string[] options, bool authorizationServer, bool redis)
    {
        var output = Path.Combine(scaffold.WorkRoot, "packages-" + string.Join('-', options.Where((_, i) => i % 2 == 1)) + (redis ? "-fleet" : "") + (authorizationServer ? "-as" : ""));
        var result = await ChildProcess.RunAsync(
            "dotnet", ["new", "mcp-governed", "-n", ProjectName, "-o", output, .. options, "--no-restore", "--debug:custom-hive", scaffold.Hive],
            scaffold.WorkRoot, scaffold.Environment, TimeSpan.FromMinutes(2));
        Assert.True(result.ExitCode == 0, result.Output);

        var project = await File.ReadAllTextAsync(Path.Combine(output, ProjectName + ".csproj"));
        var versions = await File.ReadAllTextAsync(Path.Combine(output, "Directory.Packages.props"));
        foreach (var (package, expected) in new[] { ("McpPlatform.Hosting.AuthorizationServer", authorizationServer), ("McpPlatform.Hosting.Redis", redis) })
        {
            Assert.Equal(expected, project.Contains($"<PackageReference Include=\"{package}\" />", StringComparison.Ordinal));
            Assert.Equal(expected, versions.Contains($"<PackageVersion Include=\"{package}\" Version=\"{ScaffoldFixture.PlatformVersion}\" />", StringComparison.Ordinal));
        }

        Assert.Contains("<PackageReference Include=\"McpPlatform.Hosting\" />", project);
        Assert.DoesNotContain("#if", project + versions);
    }

    private async Task<(CommandResult Result, string Output)> NewWithAsync(string option, string value)
    {
        var output = Path.Combine(scaffold.WorkRoot, "refused-" + value);
        var result = await ChildProcess.RunAsync(
            "dotnet", ["new", "mcp-governed", "-n", ProjectName, "-o", output, option, value, "--no-restore", "--debug:custom-hive", scaffold.Hive],
            scaffold.WorkRoot, scaffold.Environment, TimeSpan.FromMinutes(2));
        return (result, output);
    }

    private static void AssertNothingWritten(string output) =>
        Assert.False(Directory.Exists(output) && Directory.EnumerateFileSystemEntries(output).Any(), "nothing may be written for a refused choice");

    [Fact]
    public async Task Defaults_keep_the_development_scaffold_and_add_github_and_container_apps()
    {
        // The shared scaffold was made with no options at all.
        GeneratedScaffold.AssertConsistent(scaffold.ProjectDirectory, ScaffoldFixture.ProjectName, "acme-jira", TemplateOptions.Defaults, ScaffoldFixture.PlatformVersion);
        var creation = await File.ReadAllTextAsync(Path.Combine(scaffold.ProjectDirectory, "README.md"));
        Assert.Contains("## The tool author's path: three steps", creation);
        Assert.Contains("mcp-platform manifest approve", creation);
    }

    [Fact]
    public async Task Creation_prints_the_next_three_steps()
    {
        var output = Path.Combine(scaffold.WorkRoot, "next-steps");
        var result = await scaffold.InstantiateAsync(output, ProjectName, TemplateOptions.Defaults);

        var text = Collapse(result.Output);
        Assert.Matches(@"1\. Write a tool: .*\[McpTool\]", text);
        Assert.Matches(@"2\. Run it: dotnet run .* dev-token", text);
        Assert.Matches(@"3\. Get approval: .*manifest review / approve", text);
    }

    [Fact]
    public void The_pairwise_cover_holds_every_pair_of_option_values_in_far_fewer_scaffolds()
    {
        var all = TemplateOptions.All().ToList();
        Assert.Equal(216, all.Distinct().Count());
        var cover = TemplateOptions.Pairwise();

        Assert.Equal(PairsIn(all), PairsIn(cover));
        Assert.InRange(cover.Count, 18, 24);

        var built = TemplateOptions.BuildRelevant();
        var buildInputs = built.Select(o => new object[] { o.IdentityProvider, o.Secrets, o.CodeMode }).ToList();
        Assert.Equal(
            PairsIn(all.Select(o => new object[] { o.IdentityProvider, o.Secrets, o.CodeMode })),
            PairsIn(buildInputs));
        Assert.Equal(TemplateOptions.IdentityProviders.Length * TemplateOptions.SecretStores.Length, built.Count);
        Assert.Equal(TemplateOptions.CiSystems.Length * TemplateOptions.DeployTargets.Length, built.Select(o => (o.Ci, o.Deploy)).Distinct().Count());
    }

    [Fact]
    public async Task Every_pair_of_option_values_is_instantiated_and_consistent()
    {
        var combinations = TemplateOptions.Pairwise();
        var root = Path.Combine(scaffold.WorkRoot, "combinations");
        var failures = new ConcurrentBag<string>();
        var version = ScaffoldFixture.PlatformVersion;

        await Parallel.ForEachAsync(combinations, new ParallelOptions { MaxDegreeOfParallelism = Parallelism }, async (options, _) =>
        {
            var directory = Path.Combine(root, options.Slug);
            try
            {
                await scaffold.InstantiateAsync(directory, ProjectName, options);
                GeneratedScaffold.AssertConsistent(directory, ProjectName, Slug, options, version);
            }
            catch (Exception ex)
            {
                failures.Add($"dotnet new mcp-governed {options}:\n{ex.Message}");
            }
            finally
            {
                Directory.Delete(directory, recursive: true);
            }
        });

        Assert.True(failures.IsEmpty, $"{failures.Count} of {combinations.Count} combinations failed:\n\n" + string.Join("\n\n", failures.Take(5)));
    }

    private static SortedSet<string> PairsIn(IEnumerable<TemplateOptions> options) => PairsIn(options.Select(o => o.Values));

    private static SortedSet<string> PairsIn(IEnumerable<object[]> rows) =>
        new(rows.SelectMany(values =>
            from a in Enumerable.Range(0, values.Length)
            from b in Enumerable.Range(a + 1, values.Length - a - 1)
            select $"{a}={values[a]} {b}={values[b]}"), StringComparer.Ordinal);

    private static string Collapse(string text) => Whitespace().Replace(text, " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
