namespace McpPlatform.OpenApi.Tests;

/// <summary>A petstore-like OpenAPI 3.0 JSON document read into operations: names, descriptions, access, inputs.</summary>
public sealed class OperationCatalogTests
{
    private static readonly IReadOnlyList<ApiOperation> Petstore = Documents.Load("petstore.json");

    [Fact]
    public void Operations_come_in_document_order_with_sanitised_unique_names()
    {
        Assert.Equal(
            ["list_pets", "create_pet", "search_pets", "get_pet_by_id", "get_pet_by_id_2", "delete_pets_pet_id"],
            Petstore.Select(o => o.Name));
        Assert.All(Petstore, o => Assert.Matches("^[a-z0-9_]+$", o.Name));
    }

    [Fact]
    public void An_operation_without_operationId_is_named_from_method_and_path()
    {
        var delete = Petstore.Named("delete_pets_pet_id");
        Assert.Null(delete.OperationId);
        Assert.Equal(("DELETE", "/pets/{petId}"), (delete.Method, delete.Path));
        Assert.Equal("#/paths/~1pets~1{petId}/delete", delete.Pointer);
    }

    [Fact]
    public void Names_are_stable_across_loads()
    {
        Assert.Equal(Petstore.Select(o => o.Name), Documents.Load("petstore.json").Select(o => o.Name));
    }

    [Fact]
    public void Description_joins_summary_and_description()
    {
        Assert.Equal("List all pets\n\nReturns the pets in the store, newest first.", Petstore.Named("list_pets").Description);
        Assert.Equal(["pets"], Petstore.Named("list_pets").Tags);
    }

    [Fact]
    public void Access_class_follows_the_http_method()
    {
        Assert.Equal(ToolAccess.Read, Petstore.Named("list_pets").Access);
        Assert.Equal(ToolAccess.Write, Petstore.Named("create_pet").Access);
        Assert.Equal(ToolAccess.Write, Petstore.Named("get_pet_by_id_2").Access);
        Assert.Equal(ToolAccess.Destructive, Petstore.Named("delete_pets_pet_id").Access);
    }

    [Fact]
    public void Overrides_by_operation_win_over_overrides_by_tag()
    {
        var operations = Documents.Load("petstore.json", new OpenApiAccessOverrides
        {
            ByTag = new Dictionary<string, ToolAccess> { ["search"] = ToolAccess.Read, ["pets"] = ToolAccess.Destructive },
            ByOperation = new Dictionary<string, ToolAccess> { ["listPets"] = ToolAccess.Read, ["get_pet_by_id_2"] = ToolAccess.Destructive },
        });

        Assert.Equal(ToolAccess.Read, operations.Named("search_pets").Access);
        Assert.Equal(ToolAccess.Read, operations.Named("list_pets").Access);
        Assert.Equal(ToolAccess.Destructive, operations.Named("create_pet").Access);
        Assert.Equal(ToolAccess.Destructive, operations.Named("get_pet_by_id_2").Access);
    }

    [Fact]
    public void Input_schema_has_query_and_header_parameters_but_no_cookie()
    {
        var input = Documents.Json(Petstore.Named("list_pets").InputSchema);
        Assert.Equal("object", input["type"]!.GetValue<string>());
        Assert.False(input["additionalProperties"]!.GetValue<bool>());
        var properties = input["properties"]!.AsObject();
        Assert.Equal(["limit", "X-Request-Id"], properties.Select(p => p.Key));
        Assert.Equal("integer", properties["limit"]!["type"]!.GetValue<string>());
        Assert.Equal(100, properties["limit"]!["maximum"]!.GetValue<int>());
        Assert.Equal("How many pets to return.", properties["limit"]!["description"]!.GetValue<string>());
        Assert.Null(input["required"]);
    }

    [Fact]
    public void Path_level_parameters_are_merged_and_same_named_parameters_get_their_location_as_prefix()
    {
        var get = Petstore.Named("get_pet_by_id");
        Assert.Equal(
            [new ApiParameter("path_petId", "petId", ApiParameterLocation.Path, true), new ApiParameter("query_petId", "petId", ApiParameterLocation.Query, false)],
            get.Parameters);
        var input = Documents.Json(get.InputSchema);
        Assert.Equal(["path_petId"], input["required"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.Equal("The pet's id.", input["properties"]!["path_petId"]!["description"]!.GetValue<string>());
    }

    [Fact]
    public void Request_body_becomes_the_body_argument_with_refs_resolved()
    {
        var create = Petstore.Named("create_pet");
        Assert.Equal([new ApiParameter("body", "body", ApiParameterLocation.Body, true)], create.Parameters);
        var input = Documents.Json(create.InputSchema);
        Assert.Empty(Documents.References(input));
        var body = input["properties"]!["body"]!;
        Assert.Equal(["name"], body["required"]!.AsArray().Select(n => n!.GetValue<string>()));
        // A 3.0 "nullable: true" is written as a 3.1 type list.
        Assert.Equal(["null", "string"], body["properties"]!["tag"]!["type"]!.AsArray().Select(n => n!.GetValue<string>()).Order());
        // A property named like a keyword ("default") is still a schema.
        Assert.Equal("string", body["properties"]!["default"]!["type"]!.GetValue<string>());
    }

    [Fact]
    public void Output_schema_is_the_first_2xx_json_response_with_refs_resolved()
    {
        var output = Documents.Json(Petstore.Named("create_pet").OutputSchema);
        Assert.Empty(Documents.References(output));
        Assert.Equal(2, output["allOf"]!.AsArray().Count);
        Assert.Equal("array", Documents.Json(Petstore.Named("list_pets").OutputSchema)["type"]!.GetValue<string>());
        Assert.Null(Petstore.Named("delete_pets_pet_id").OutputSchema);
    }
}
