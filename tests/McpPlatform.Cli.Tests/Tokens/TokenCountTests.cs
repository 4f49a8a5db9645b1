using System.Text.Json.Nodes;
using McpPlatform.Cli.Tokens;
using McpPlatform.Fixtures.LargeApi;
using McpPlatform.Fixtures.Workplace;
using McpPlatform.Governance.CodeMode;
using McpPlatform.Governance.Tools;
using McpPlatform.Hosting.CodeMode;
using McpPlatform.Hosting.Tools;
using Xunit.Abstractions;

namespace McpPlatform.Cli.Tests.Tokens;

/// <summary>What the fixtures cost natively and in Code Mode, against the targets of the Code Mode work.</summary>
public sealed class TokenCountTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(TokenEncodings.O200kBase)]
    [InlineData(TokenEncodings.Cl100kBase)]
    public void Encodings_count_with_the_real_tiktoken_vocabularies(string encoding)
    {
        // "hello" and " world" are one token each in both vocabularies; non-English text is where they differ.
        Assert.Equal(2, TokenEncodings.Count(encoding, "hello world"));
        Assert.Equal(0, TokenEncodings.Count(encoding, string.Empty));
        Assert.NotEqual(TokenEncodings.Count(TokenEncodings.O200kBase, "Привет, как дела? 你好世界"), TokenEncodings.Count(TokenEncodings.Cl100kBase, "Привет, как дела? 你好世界"));
    }

    [Fact]
    public void Counting_is_stable_and_non_zero()
    {
        var first = TokenMeasurement.Of(OfflineSurfaces.Load(Fixtures.WorkplaceAssembly));
        var second = TokenMeasurement.Of(OfflineSurfaces.Load(Fixtures.WorkplaceAssembly));

        Assert.Equal(first.Encodings, second.Encodings);
        Assert.Equal(first.NativeBytes, second.NativeBytes);
        Assert.All(first.Encodings, c => Assert.True(c.Native > 0 && c.CodeMode > 0, c.ToString()));
        Assert.Equal(TokenEncodings.All, first.Encodings.Select(c => c.Encoding));
    }

    [Fact]
    public void Workplace_fixture_is_reduced_by_at_least_94_percent_to_at_most_600_tokens()
    {
        var measurement = TokenMeasurement.Of(OfflineSurfaces.Load(Fixtures.WorkplaceAssembly));
        output.WriteLine(string.Join(Environment.NewLine, measurement.Encodings));

        Assert.Equal(52, measurement.Tools);
        Assert.Equal([McpPlatform.Cli.Tokens.CodeModeSurface.SearchToolName, McpPlatform.Cli.Tokens.CodeModeSurface.ExecuteToolName], measurement.CodeModeTools);
        Assert.All(measurement.Encodings, c => Assert.True(c.ReductionPercent >= 94, c.ToString()));
        Assert.True(measurement.Encodings.Single(c => c.Encoding == TokenEncodings.O200kBase).CodeMode <= 600, measurement.Encodings[0].ToString());
    }

    [Fact]
    public void Large_fixture_is_reduced_by_at_least_99_percent()
    {
        var measurement = TokenMeasurement.Of(OfflineSurfaces.Load(Fixtures.LargeApiAssembly));
        output.WriteLine(string.Join(Environment.NewLine, measurement.Encodings));

        Assert.True(measurement.Tools >= 500, $"{measurement.Tools} tools");
        Assert.All(measurement.Encodings, c => Assert.True(c.ReductionPercent >= 99, c.ToString()));
    }

    [Fact]
    public void Code_Mode_surface_costs_the_same_for_52_and_520_tools()
    {
        var workplace = TokenMeasurement.Of(OfflineSurfaces.Load(Fixtures.WorkplaceAssembly));
        var large = TokenMeasurement.Of(OfflineSurfaces.Load(Fixtures.LargeApiAssembly));

        Assert.True(large.Encodings[0].Native > 5 * workplace.Encodings[0].Native, "the large catalog should cost far more natively");
        Assert.Equal(workplace.Encodings.Select(c => c.CodeMode), large.Encodings.Select(c => c.CodeMode));
        Assert.Equal(workplace.CodeModeBytes, large.CodeModeBytes);
    }

    [Theory]
    [InlineData("workplace")]
    [InlineData("large")]
    public void Native_list_from_the_embedded_manifest_is_what_the_server_publishes(string fixture)
    {
        // The server publishes GeneratedMcpTool.ProtocolTool; the manifest lacks only the author's idempotent/openWorld hints.
        var (assembly, catalog) = fixture == "workplace"
            ? (Fixtures.WorkplaceAssembly, WorkplaceCatalog.Catalog)
            : (Fixtures.LargeApiAssembly, LargeApiCatalog.Catalog);

        var fromManifest = JsonNode.Parse(ToolListJson.Serialize(OfflineSurfaces.Load(assembly).Native))!;
        var published = JsonNode.Parse(ToolListJson.Serialize(catalog.Tools.Select(t => t.ProtocolTool).ToList()))!;
        foreach (var tool in published["tools"]!.AsArray())
        {
            var annotations = tool!["annotations"]!.AsObject();
            annotations.Remove("idempotentHint");
            annotations.Remove("openWorldHint");
        }

        Assert.Equal(catalog.Tools.Count, fromManifest["tools"]!.AsArray().Count);
        Assert.True(JsonNode.DeepEquals(published, fromManifest), "The tools built from the manifest differ from the catalog's protocol tools.");
    }

    [Fact]
    public void Descriptor_access_classes_become_the_published_hints()
    {
        var tools = OfflineSurfaces.Load(Fixtures.WorkplaceAssembly).Native.ToDictionary(t => t.Name);

        Assert.True(tools["get_issue"].Annotations!.ReadOnlyHint);
        Assert.Null(tools["get_issue"].Annotations!.DestructiveHint);
        Assert.False(tools["create_issue"].Annotations!.ReadOnlyHint);
        Assert.False(tools["create_issue"].Annotations!.DestructiveHint);
        Assert.True(tools["delete_issue"].Annotations!.DestructiveHint);
        Assert.NotNull(tools["get_issue"].OutputSchema);
        Assert.Equal(ToolAccess.Destructive, WorkplaceCatalog.Catalog.Descriptors.Single(d => d.Name == "delete_issue").Access);
    }
}
