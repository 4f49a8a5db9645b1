using Company.McpServer1.Tools;

namespace Company.McpServer1.Tests;

/// <summary>The tool methods are plain C#: test their logic directly.</summary>
public class IssueToolsTests
{
    private readonly IssueTools _tools = new(new IssueStore());

    [Fact]
    public void SearchIssues_filters_by_text_and_priority()
    {
        var result = _tools.SearchIssues(text: "page", priority: IssuePriority.High);

        var issue = Assert.Single(result.Issues);
        Assert.Equal("Login page times out on slow networks", issue.Title);
        Assert.Equal(1, result.Total);
    }

    [Fact]
    public void CreateIssue_then_GetIssue_returns_it()
    {
        var created = _tools.CreateIssue("Dark mode resets on reload", IssuePriority.Low, ["ui"]);

        var fetched = _tools.GetIssue(created.Key);

        Assert.Equal(created, fetched);
        Assert.Equal(["ui"], fetched.Labels);
    }

    [Fact]
    public void GetIssue_with_unknown_key_explains_the_problem()
    {
        var error = Assert.Throws<ModelContextProtocol.McpException>(() => _tools.GetIssue("NOPE-1"));
        Assert.Contains("NOPE-1", error.Message);
    }
}
