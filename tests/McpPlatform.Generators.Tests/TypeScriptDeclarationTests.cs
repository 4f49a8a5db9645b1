using McpPlatform.Generators.Tests.Harness;

namespace McpPlatform.Generators.Tests;

/// <summary>The Code Mode TypeScript declaration on each descriptor: real types from the C# shapes, compact.</summary>
public sealed class TypeScriptDeclarationTests
{
    [Fact]
    public void Declaration_has_jsdoc_from_descriptions_and_real_argument_and_result_types()
    {
        var typeScript = Declaration("""
            public sealed record Issue(string Key, string Title);

            public sealed record SearchResult(IReadOnlyList<Issue> Issues, int Total);

            public static class Tools
            {
                /// <summary>Finds issues with a JQL query.</summary>
                /// <param name="jql">JQL text</param>
                [McpTool("issues_search", Access = ToolAccess.Read)]
                public static SearchResult Search(string jql, [Description("At most this many.")] int max = 50) => new([], 0);
            }
            """, "issues_search");

        Assert.Equal(
            "/** Finds issues with a JQL query.\n * @param args.jql JQL text\n * @param args.max At most this many. */\n"
            + "issues_search(args: { jql: string; max?: number }): Promise<{ issues: { key: string; title: string }[]; total: number }>;",
            typeScript);
    }

    [Fact]
    public void Scalars_enums_nullables_and_arrays_map_to_typescript()
    {
        var typeScript = Declaration("""
            public enum Color { Red, Green }

            public sealed record Everything(
                string Text, int Count, long Big, double Ratio, decimal Price, bool Flag, Guid Id, DateTimeOffset At, DateTime Local,
                Color Color, Color? MaybeColor, string? MaybeText, int? MaybeCount, int[] Numbers, List<string?> Words, Color?[] Colors);

            public static class Tools
            {
                /// <summary>Returns everything.</summary>
                [McpTool("everything", Access = ToolAccess.Read)]
                public static Everything Get() => null!;
            }
            """, "everything");

        Assert.Equal(
            "/** Returns everything. */\neverything(): Promise<{ text: string; count: number; big: number; ratio: number; price: number; flag: boolean; "
            + "id: string; at: string; local: string; color: \"Red\" | \"Green\"; maybeColor: \"Red\" | \"Green\" | null; maybeText: string | null; "
            + "maybeCount: number | null; numbers: number[]; words: (string | null)[]; colors: (\"Red\" | \"Green\" | null)[] }>;",
            typeScript);
    }

    [Fact]
    public void Dictionaries_become_records_in_arguments_and_results()
    {
        var typeScript = Declaration("""
            public sealed record Totals(Dictionary<string, int> ByTeam, IReadOnlyDictionary<string, List<string>?> Members);

            public static class Tools
            {
                /// <summary>Counts.</summary>
                [McpTool("count", Access = ToolAccess.Read)]
                public static Totals Count([Description("Weights.")] IDictionary<string, double> weights) => null!;
            }
            """, "count");

        Assert.Equal(
            "/** Counts.\n * @param args.weights Weights. */\n"
            + "count(args: { weights: Record<string, number> }): Promise<{ byTeam: Record<string, number>; members: Record<string, string[] | null> }>;",
            typeScript);
    }

    [Fact]
    public void Nested_objects_are_inlined_and_input_optionality_follows_the_schema()
    {
        var typeScript = Declaration("""
            public sealed record Address(string City, string? Zip = null);

            public sealed record Person(string Name, Address Home, Address? Work);

            public static class Tools
            {
                /// <summary>Adds a person.</summary>
                [McpTool("add_person", Access = ToolAccess.Write)]
                public static void Add([Description("Who.")] Person person, [Description("Note.")] string? note = null) { }
            }
            """, "add_person");

        Assert.Equal(
            "/** Adds a person.\n * @param args.person Who.\n * @param args.note Note. */\n"
            + "add_person(args: { person: { name: string; home: { city: string; zip?: string | null }; work?: { city: string; zip?: string | null } | null }; note?: string | null }): Promise<void>;",
            typeScript);
    }

    [Theory]
    [InlineData("public static void Run() { }", "Promise<void>")]
    [InlineData("public static Task Run() => Task.CompletedTask;", "Promise<void>")]
    [InlineData("public static string Run() => \"\";", "Promise<string>")]
    [InlineData("public static Task<string> Run() => Task.FromResult(\"\");", "Promise<string>")]
    [InlineData("public static ValueTask<int?> Run() => default;", "Promise<number | null>")]
    [InlineData("public static bool Run() => true;", "Promise<boolean>")]
    [InlineData("public static Guid Run() => default;", "Promise<string>")]
    [InlineData("public static DayOfWeek Run() => default;", "Promise<\"Sunday\" | \"Monday\" | \"Tuesday\" | \"Wednesday\" | \"Thursday\" | \"Friday\" | \"Saturday\">")]
    [InlineData("public static IEnumerable<int> Run() => [];", "Promise<number[]>")]
    [InlineData("public static ModelContextProtocol.Protocol.CallToolResult Run() => new();", "Promise<unknown>")]
    public void Result_types_follow_the_return_type(string method, string promise)
    {
        var typeScript = Declaration($$"""
            public static class Tools
            {
                /// <summary>Runs.</summary>
                [McpTool("run", Access = ToolAccess.Read)]
                {{method}}
            }
            """, "run");

        Assert.Equal("/** Runs. */\nrun(): " + promise + ";", typeScript);
    }

    [Fact]
    public void Recursive_types_are_cut_with_unknown_where_they_refer_back()
    {
        var typeScript = Declaration("""
            public sealed record Node(string Name, IReadOnlyList<Node> Children, Node? Parent);

            public static class Tools
            {
                /// <summary>The tree.</summary>
                [McpTool("tree", Access = ToolAccess.Read)]
                public static Node Tree() => null!;
            }
            """, "tree");

        Assert.Equal("/** The tree. */\ntree(): Promise<{ name: string; children: unknown[]; parent: unknown | null }>;", typeScript);
    }

    [Fact]
    public void Jsdoc_cannot_be_closed_early_and_multi_line_descriptions_stay_in_the_comment()
    {
        var typeScript = Declaration("""
            public static class Tools
            {
                [McpTool("odd", Access = ToolAccess.Read, Description = "Ends */ early?\nSecond line.")]
                public static string Odd() => "";
            }
            """, "odd");

        Assert.Equal("/** Ends *\\/ early?\n * Second line. */\nodd(): Promise<string>;", typeScript);
    }

    [Fact]
    public void Tool_without_descriptions_has_no_comment_and_all_optional_arguments_make_args_optional()
    {
        var typeScript = Declaration("""
            public static class Tools
            {
                [McpTool("bare", Access = ToolAccess.Read, Description = "")]
                public static string Bare(int page = 1) => "";
            }
            """, "bare");

        Assert.Equal("bare(args?: { page?: number }): Promise<string>;", typeScript);
    }

    [Fact]
    public void Declaration_uses_the_code_mode_name()
    {
        var typeScript = Declaration("""
            public static class Tools
            {
                /// <summary>Deletes.</summary>
                [McpTool("delete", Access = ToolAccess.Destructive)]
                public static void Delete() { }
            }
            """, "delete");

        Assert.Equal("/** Deletes. */\ndelete_(): Promise<void>;", typeScript);
    }

    private static string Declaration(string declarations, string tool)
    {
        var run = GeneratorHarness.Run(ToolSource.Of(declarations));
        Assert.DoesNotContain(run.Diagnostics, d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error);
        return run.LoadTool(tool).Descriptor.TypeScript!;
    }
}
