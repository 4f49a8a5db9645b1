using McpPlatform.Generators.Emitting;
using McpPlatform.Generators.Tests.Harness;

namespace McpPlatform.Generators.Tests;

/// <summary>The JavaScript identifier Code Mode exposes each tool under.</summary>
public sealed class CodeModeNameTests
{
    [Theory]
    [InlineData("issues_search", "issues_search")]
    [InlineData("$ok", "$ok")]
    [InlineData("issues-search", "issues_search")]
    [InlineData("issues.search", "issues_search")]
    [InlineData("2fa_reset", "_2fa_reset")]
    [InlineData("3d.print-job", "_3d_print_job")]
    [InlineData("delete", "delete_")]
    [InlineData("new", "new_")]
    [InlineData("class", "class_")]
    [InlineData("function", "function_")]
    [InlineData("return", "return_")]
    [InlineData("typeof", "typeof_")]
    [InlineData("in", "in_")]
    [InlineData("Delete", "Delete")]
    public void Names_are_kept_when_valid_and_sanitized_otherwise(string tool, string expected)
    {
        Assert.Equal(expected, CodeModeNames.Assign([tool])[tool]);
    }

    [Fact]
    public void Collisions_after_sanitizing_get_numeric_suffixes_and_valid_names_keep_theirs()
    {
        var names = CodeModeNames.Assign(["a.b", "a_b", "a-b", "a_b_2"]);

        Assert.Equal("a_b", names["a_b"]);
        Assert.Equal("a_b_2", names["a_b_2"]);
        Assert.Equal("a_b_3", names["a-b"]);
        Assert.Equal("a_b_4", names["a.b"]);
    }

    [Fact]
    public void Assignment_does_not_depend_on_input_order()
    {
        var forward = CodeModeNames.Assign(["x.y", "x-y", "x_y", "delete", "delete_"]);
        var backward = CodeModeNames.Assign(["delete_", "delete", "x_y", "x-y", "x.y"]);

        Assert.Equal(forward.OrderBy(p => p.Key), backward.OrderBy(p => p.Key));
        Assert.Equal("delete__2", forward["delete"]);
    }

    [Fact]
    public void Generated_descriptors_and_manifest_carry_the_code_mode_names()
    {
        var run = GeneratorHarness.Run(ToolSource.Of("""
            public static class Tools
            {
                /// <summary>One.</summary>
                [McpTool("issues-search", Access = ToolAccess.Read)]
                public static string A() => "";

                /// <summary>Two.</summary>
                [McpTool("issues.search", Access = ToolAccess.Read)]
                public static string B() => "";

                /// <summary>Three.</summary>
                [McpTool("2fa", Access = ToolAccess.Read)]
                public static string C() => "";

                /// <summary>Four.</summary>
                [McpTool("delete", Access = ToolAccess.Destructive)]
                public static void D() { }
            }
            """));

        var catalog = run.LoadCatalog();

        var expected = new Dictionary<string, string>
        {
            ["2fa"] = "_2fa",
            ["delete"] = "delete_",
            ["issues-search"] = "issues_search",
            ["issues.search"] = "issues_search_2",
        };
        Assert.Equal(expected, catalog.Descriptors.ToDictionary(d => d.Name, d => d.CodeModeName));
        Assert.All(expected, pair => Assert.Equal(pair.Value, (string)run.ManifestTool(pair.Key)["codeMode"]!["name"]!));
    }
}
