using McpPlatform.Generators.Tests.Harness;

namespace McpPlatform.Generators.Tests;

/// <summary>The diff printed when a snapshot does not match.</summary>
public sealed class LineDiffTests
{
    [Fact]
    public void Diff_shows_each_change_with_line_numbers_and_two_lines_of_context()
    {
        var expected = "1\n2\n3\n4\n5\n6\n7\n8\n9\n10";
        var actual = "1\nTWO\n3\n4\n5\n6\n7\n8\n9\n10\n11";

        var diff = LineDiff.Describe(expected, actual);

        Assert.Equal(
            """
            @@
                 1: 1
            -    2: 2
            +    2: TWO
                 3: 3
                 4: 4
            @@
                 9: 9
                10: 10
            +   11: 11

            """.ReplaceLineEndings("\n"),
            diff);
    }
}
