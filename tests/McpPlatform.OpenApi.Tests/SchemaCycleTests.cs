namespace McpPlatform.OpenApi.Tests;

/// <summary>An OpenAPI 3.1 YAML document whose schemas refer to themselves and to each other.</summary>
public sealed class SchemaCycleTests
{
    private static readonly IReadOnlyList<ApiOperation> Tree = Documents.Load("tree.yaml");

    [Fact]
    public void A_self_reference_is_cut_with_the_marker_after_one_expansion()
    {
        var node = Documents.Json(Tree.Named("get_node").OutputSchema);
        Assert.Empty(Documents.References(node));
        Assert.Equal("string", node["properties"]!["name"]!["type"]!.GetValue<string>());
        var child = node["properties"]!["children"]!["items"]!;
        Assert.Equal("#/components/schemas/Node", child[OpenApiSchemas.CycleMarker]!.GetValue<string>());
    }

    [Fact]
    public void A_cycle_through_another_schema_is_cut_where_it_closes()
    {
        var person = Documents.Json(Tree.Named("get_node").OutputSchema)["properties"]!["owner"]!;
        var lead = person["properties"]!["team"]!["properties"]!["lead"]!;
        Assert.Equal("#/components/schemas/Person", lead[OpenApiSchemas.CycleMarker]!.GetValue<string>());
        // A keyword beside a $ref (OpenAPI 3.1) is kept on the cut reference.
        Assert.Equal("Who this person reports to.", person["properties"]!["manager"]!["description"]!.GetValue<string>());
        Assert.Equal(["null", "string"], person["properties"]!["name"]!["type"]!.AsArray().Select(n => n!.GetValue<string>()).Order());
    }

    [Fact]
    public void Yaml_31_operations_get_names_access_and_json_bodies_of_any_json_media_type()
    {
        Assert.Equal(["get_node", "patch_nodes_id"], Tree.Select(o => o.Name));
        var patch = Tree.Named("patch_nodes_id");
        Assert.Equal(ToolAccess.Write, patch.Access);
        Assert.Equal(["admin"], patch.Tags);
        // application/merge-patch+json is JSON; a 2XX range counts as a success response.
        Assert.NotNull(Documents.Json(patch.InputSchema)["properties"]!["body"]!["properties"]!["manager"]);
        Assert.NotNull(patch.OutputSchema);
    }
}
