using System.Text.RegularExpressions;

namespace McpPlatform.Templates.Tests;

/// <summary>What `dotnet new mcp-governed -n Acme.Jira` writes, and that it builds and tests green.</summary>
[Collection(ScaffoldCollection.Name)]
public sealed class ScaffoldTests(ScaffoldFixture scaffold)
{
    [Fact]
    public void Names_follow_the_project_name()
    {
        Assert.True(File.Exists(Path.Combine(scaffold.ProjectDirectory, "Acme.Jira.csproj")));
        Assert.True(File.Exists(Path.Combine(scaffold.ProjectDirectory, "tests", "Acme.Jira.Tests", "Acme.Jira.Tests.csproj")));
        Assert.Contains("namespace Acme.Jira.Tools;", File.ReadAllText(Path.Combine(scaffold.ProjectDirectory, "Tools", "IssueTools.cs")));

        var leftovers = Directory.EnumerateFiles(scaffold.ProjectDirectory, "*", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"))
            .Where(f => f.Contains("Company.McpServer1") || File.ReadAllText(f).Contains("Company.McpServer1"))
            .ToList();
        Assert.Empty(leftovers);
    }

    [Fact]
    public void Has_three_sample_tools_two_read_one_write()
    {
        var tools = File.ReadAllText(Path.Combine(scaffold.ProjectDirectory, "Tools", "IssueTools.cs"));
        var access = Regex.Matches(tools, @"\[McpTool\(Access = ToolAccess\.(\w+)").Select(m => m.Groups[1].Value).Order().ToList();
        Assert.Equal(["Read", "Read", "Write"], access);
    }

    [Fact]
    public void References_the_platform_version_that_was_packed()
    {
        var packedVersion = ScaffoldFixture.PlatformVersion;
        var packages = File.ReadAllText(Path.Combine(scaffold.ProjectDirectory, "Directory.Packages.props"));
        Assert.Contains($"<PackageVersion Include=\"McpPlatform.Hosting\" Version=\"{packedVersion}\" />", packages);
    }

    [Fact]
    public async Task Builds_with_no_warnings()
    {
        var build = await scaffold.DotnetAsync(scaffold.ProjectDirectory, "build", "-warnaserror", "--nologo");
        Assert.Matches(@"\b0 Warning\(s\)", build.Output);
        Assert.Matches(@"\b0 Error\(s\)", build.Output);
    }

    [Fact]
    public async Task Its_own_tests_pass()
    {
        var test = await scaffold.DotnetAsync(scaffold.ProjectDirectory, "test", Path.Combine("tests", "Acme.Jira.Tests"), "--nologo");
        Assert.Matches(@"Passed!\s+-\s+Failed:\s+0, Passed:\s+[1-9]\d*", test.Output);
    }

    [Fact]
    public async Task Help_lists_the_template_and_its_options()
    {
        var help = await scaffold.DotnetAsync(scaffold.WorkRoot, "new", "mcp-governed", "--help", "--debug:custom-hive", scaffold.Hive);
        Assert.Contains("Governed MCP server (McpPlatform)", help.Output);
        Assert.Contains("--framework", help.Output);
        Assert.Contains("--no-restore", help.Output);
    }
}

/// <summary>One scaffold shared by every test class that needs it (instantiating costs seconds).</summary>
[CollectionDefinition(Name)]
public sealed class ScaffoldCollection : ICollectionFixture<ScaffoldFixture>
{
    public const string Name = "scaffold";
}
