using McpPlatform.Governance.Tools;

namespace McpPlatform.OpenApi.Tests;

/// <summary>Operations as governance descriptors: what the gate and the manifest will see.</summary>
public sealed class DescriptorTests
{
    private static readonly IReadOnlyList<ApiOperation> Petstore = Documents.Load("petstore.json");

    [Fact]
    public void A_descriptor_carries_name_access_schema_and_argument_names()
    {
        var descriptor = Petstore.Named("get_pet_by_id").ToDescriptor("petstore");
        Assert.Equal(("petstore_get_pet_by_id", ToolAccess.Read, "petstore", ToolOrigin.OpenApi), (descriptor.Name, descriptor.Access, descriptor.ToolSet, descriptor.Origin));
        Assert.Equal(["path_petId", "query_petId"], descriptor.ArgumentNames!);
        Assert.Equal(Petstore.Named("get_pet_by_id").InputSchema, descriptor.InputSchema);
        Assert.True(descriptor.Idempotent);
        Assert.Equal(("GET", "/pets/{petId}", "getPetById"), (descriptor.Http!.Method, descriptor.Http.Path, descriptor.Http.OperationId));
        Assert.False(Petstore.Named("create_pet").ToDescriptor("petstore").Idempotent);
    }

    [Fact]
    public void Only_object_output_schemas_are_declared()
    {
        Assert.Null(Petstore.Named("list_pets").ToDescriptor("petstore").OutputSchema); // an array
        var node = Documents.Load("tree.yaml").Named("get_node").ToDescriptor("tree");
        Assert.NotNull(node.OutputSchema);
    }
}
