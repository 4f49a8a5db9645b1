using McpPlatform.Governance.CodeMode;
using McpPlatform.Governance.Tools;
using McpPlatform.Hosting.CodeMode;
using McpPlatform.Hosting.Tools;
using ModelContextProtocol.Protocol;

namespace McpPlatform.Hosting.Tests.CodeMode;

/// <summary>Tool names that are not JavaScript identifiers get sanitized Code Mode names; the real name stays beside them.</summary>
public sealed class CodeModeNameTests
{
    [Theory]
    [InlineData("issues.search", "issues_search")]
    [InlineData("tickets-find-by-title", "tickets_find_by_title")]
    [InlineData("2fa-reset", "_2fa_reset")]
    [InlineData("delete", "delete_")]
    [InlineData("class", "class_")]
    [InlineData("get_ticket", "get_ticket")]
    [InlineData("$query", "$query")]
    public void Names_that_are_not_identifiers_are_sanitized(string name, string expected)
    {
        Assert.Equal(expected, CodeModeNames.Sanitize(name));
        Assert.True(CodeModeNames.IsIdentifier(expected));
    }

    [Fact]
    public void The_index_resolves_sanitized_and_real_names_and_keeps_them_unique()
    {
        var index = new CodeModeToolIndex(Catalog("issues.search", "issues_search", "delete", "wiki.page"));

        Assert.Equal(
            [("delete", "delete_"), ("issues.search", "issues_search_2"), ("issues_search", "issues_search"), ("wiki.page", "wiki_page")],
            index.Tools.Select(t => (t.RealName, t.Name)).OrderBy(p => p.RealName, StringComparer.Ordinal));
        Assert.True(index.TryGet("issues.search", out var byRealName));
        Assert.Equal("issues_search_2", byRealName.Name);
        Assert.True(index.TryGet("issues_search", out var byName));
        Assert.Equal("issues_search", byName.RealName);
        Assert.True(index.TryGet("delete_", out var sanitized));
        Assert.Equal("delete", sanitized.RealName);
    }

    [Fact]
    public void The_generators_code_mode_name_and_typescript_win_when_present()
    {
        var descriptor = Descriptor("jira.search") with
        {
            CodeModeName = "jira_search",
            TypeScript = "/** Searches. */\njira_search(args: { jql: string }): Promise<{ issues: Issue[] }>;",
        };

        var tool = Assert.Single(new CodeModeToolIndex(new McpToolCatalog([new DescribedTool(descriptor)])).Tools);

        Assert.Equal("jira_search", tool.Name);
        Assert.Equal(descriptor.TypeScript, tool.TypeScript);
    }

    [Fact]
    public void Without_generated_typescript_a_signature_comes_from_the_schema()
    {
        var descriptor = Descriptor("wiki.page") with
        {
            InputSchema = """{"type":"object","properties":{"title":{"type":"string"},"limit":{"type":"integer"},"with-body":{"type":"boolean"}},"required":["title"]}""",
        };

        var tool = Assert.Single(new CodeModeToolIndex(new McpToolCatalog([new DescribedTool(descriptor)])).Tools);

        Assert.Equal("/** The wiki.page tool. */\nwiki_page(args: { title: string; limit?: number; \"with-body\"?: boolean; }): Promise<unknown>;", tool.TypeScript);
    }

    private static McpToolCatalog Catalog(params string[] names) => new(names.Select(n => (GeneratedMcpTool)new DescribedTool(Descriptor(n))));

    private static McpToolDescriptor Descriptor(string name) => new()
    {
        Name = name,
        Description = "The " + name + " tool.",
        Access = ToolAccess.Read,
        ToolSet = "names",
        InputSchema = """{"type":"object"}""",
    };

    private sealed class DescribedTool(McpToolDescriptor descriptor) : GeneratedMcpTool(descriptor)
    {
        protected override ValueTask<CallToolResult> InvokeCoreAsync(ToolInvocation invocation, CancellationToken cancellationToken) =>
            throw new NotSupportedException("Name tests never call tools.");
    }
}
