using McpPlatform.Governance.Tools;

namespace McpPlatform.Governance.Tests.Tools;

public sealed class ToolPatternsTests
{
    [Theory]
    [InlineData("*", "jira_search", "jira", true)]
    [InlineData("jira_*", "jira_search", "jira", true)]
    [InlineData("jira_*", "jira_", "jira", true)]
    [InlineData("jira_*", "jirax_search", "jira", false)]
    [InlineData("jira_*", "confluence_search", "jira", false)]
    [InlineData("jira/*", "anything", "jira", true)]
    [InlineData("jira/*", "jira_search", "other", false)]
    [InlineData("jira_search", "jira_search", "jira", true)]
    [InlineData("jira_search", "jira_search_all", "jira", false)]
    public void An_entry_names_every_tool_a_tool_set_a_prefix_or_one_exact_name(string entry, string tool, string toolSet, bool expected)
    {
        Assert.Equal(expected, ToolPatterns.Matches(entry, tool, toolSet));
        Assert.Equal(expected, ToolPatterns.Compile([entry]).Matches(tool, toolSet));
    }

    [Theory]
    [InlineData("*_search")]
    [InlineData("ji*ra_*")]
    [InlineData("**")]
    public void A_wildcard_anywhere_but_at_the_end_is_a_problem_not_a_literal_name(string entry)
    {
        Assert.Contains("allowed only at the end", ToolPatterns.WildcardProblem(entry));
        Assert.False(ToolPatterns.IsPrefix(entry));
    }

    [Fact]
    public void An_empty_list_matches_every_tool_only_where_that_is_asked_for()
    {
        Assert.True(ToolPatterns.Compile([], emptyMeansAll: true).Matches("x", "y"));
        Assert.False(ToolPatterns.Compile([]).Matches("x", "y"));
    }
}
