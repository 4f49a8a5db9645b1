using System.Text.Json.Nodes;
using McpPlatform.Governance.Manifest;

namespace McpPlatform.Governance.Tests.Manifest;

/// <summary>The <c>openapi</c> section and <c>outputSchemaHash</c> of an operation's tool: read, verified and refused when malformed.</summary>
public sealed class OpenApiManifestReaderTests
{
    private static readonly string DocumentHash = "sha256:" + new string('d', 64);

    private static JsonObject Shop()
    {
        var operation = TestManifest.Tool("shop_get_order").FromOpenApi("shop", "GET", "/orders/{orderId}", "getOrder", DocumentHash);
        operation["outputSchemaHash"] = "sha256:" + new string('0', 64);
        var manifest = TestManifest.Create(operation, TestManifest.Tool("issues_search"));
        var tool = manifest.Tool("shop_get_order");
        tool["outputSchemaHash"] = CanonicalJson.Sha256(TestManifest.Element(tool["outputSchema"]!));
        return TestManifest.Seal(manifest);
    }

    [Fact]
    public void The_section_and_the_output_schema_hash_are_read_and_other_tools_have_neither()
    {
        var manifest = TestManifest.Parse(Shop());

        var tool = manifest.FindTool("shop_get_order")!;
        Assert.Equal(("shop", "GET", "/orders/{orderId}", "getOrder", DocumentHash), (tool.OpenApi!.Namespace, tool.OpenApi.Method, tool.OpenApi.Path, tool.OpenApi.OperationId, tool.OpenApi.DocumentHash));
        Assert.Equal(CanonicalJson.Sha256(tool.OutputSchema!.Value), tool.OutputSchemaHash);
        Assert.Null(manifest.FindTool("issues_search")!.OpenApi);
        Assert.Null(manifest.FindTool("issues_search")!.OutputSchemaHash);
    }

    [Fact]
    public void An_output_schema_edited_after_the_build_is_tampered()
    {
        var manifest = Shop();
        manifest.Tool("shop_get_order")["outputSchema"] = new JsonObject { ["type"] = "object", ["properties"] = new JsonObject() };
        manifest["hash"] = ManifestDocument.ComputeHash(TestManifest.Element(manifest));

        var tampered = Assert.Throws<ManifestTamperedException>(() => TestManifest.Parse(manifest));

        Assert.Contains("tools[1].outputSchemaHash", tampered.Message);
        Assert.Contains("does not match outputSchema", tampered.Message);
    }

    [Theory]
    [InlineData("documentHash", "md5:abc", "expected sha256: followed by 64 lowercase hex digits")]
    [InlineData("method", null, "method")]
    [InlineData("server", "https://evil.example", "server")]
    public void A_malformed_section_names_the_field(string member, string? value, string expected)
    {
        var manifest = Shop();
        var section = manifest.Tool("shop_get_order")["openapi"]!.AsObject();
        if (value is null)
        {
            section.Remove(member);
        }
        else
        {
            section[member] = value;
        }

        manifest["hash"] = ManifestDocument.ComputeHash(TestManifest.Element(manifest));

        var malformed = Assert.Throws<ManifestFormatException>(() => TestManifest.Parse(manifest));
        Assert.Contains("tools[1].openapi", malformed.Message);
        Assert.Contains(expected, malformed.Message);
    }
}
