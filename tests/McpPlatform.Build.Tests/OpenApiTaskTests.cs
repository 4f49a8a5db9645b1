using System.Text.Json;
using McpPlatform.OpenApi;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace McpPlatform.Build.Tests;

/// <summary>
/// ResolveMcpOpenApi (namespaces, output paths, declaration errors) and CheckMcpOpenApi (every document problem as
/// an error with its own code, the document as the file and the JSON pointer in the message; the operations file
/// for the generator, with access overrides from appsettings.json and security scopes) on real documents.
/// </summary>
public sealed class OpenApiTaskTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("mcpplatform-openapi-task-").FullName;
    private readonly RecordingBuildEngine _engine = new();

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static string Document(string name) => Path.Combine(AppContext.BaseDirectory, "OpenApi", name);

    [Fact]
    public void Namespaces_default_to_the_file_name_and_documents_go_to_the_openapi_folder()
    {
        var task = new ResolveMcpOpenApi
        {
            BuildEngine = _engine,
            Documents = [Item(Document("shop-v1.yaml")), Item(Document("broken-ref.yaml"), "legacy")],
        };

        Assert.True(task.Execute());

        Assert.Equal(["legacy", "shop_v1"], task.Resolved.Select(i => i.GetMetadata("Namespace")));
        Assert.Equal(["openapi/legacy.yaml", "openapi/shop_v1.yaml"], task.Resolved.Select(i => i.GetMetadata("OutputRelativePath")));
        Assert.Equal(Document("shop-v1.yaml"), task.Resolved[1].ItemSpec);
    }

    [Fact]
    public void A_namespace_used_twice_an_invalid_namespace_and_a_missing_file_are_build_errors()
    {
        var task = new ResolveMcpOpenApi
        {
            BuildEngine = _engine,
            Documents =
            [
                Item(Document("shop-v1.yaml"), "shop"),
                Item(Document("shop-v2.yaml"), "shop"),
                Item(Document("broken-ref.yaml"), "Bad-Name"),
                Item(Path.Combine(_folder, "missing.yaml")),
            ],
        };

        Assert.False(task.Execute());

        Assert.Equal(["MCPB103", "MCPB101", "MCPB104"], _engine.Errors.Select(e => e.Code));
        Assert.Contains("the namespace 'shop' is already used by", _engine.Errors[0].Message);
        Assert.Equal(Document("shop-v2.yaml"), _engine.Errors[0].File);
        Assert.Contains("Namespace 'Bad-Name' is not usable", _engine.Errors[1].Message);
        Assert.Equal(Path.Combine(_folder, "missing.yaml"), _engine.Errors[2].File);
    }

    [Fact]
    public void Every_problem_of_a_document_is_an_error_naming_the_file_and_the_json_pointer()
    {
        var task = Check(Resolved(Document("broken-ref.yaml"), "broken"));

        Assert.False(task.Execute());

        var errors = _engine.Errors.OrderBy(e => e.Code, StringComparer.Ordinal).ToList();
        Assert.Equal(["MCPB113", "MCPB115"], errors.Select(e => e.Code));
        Assert.All(errors, e => Assert.Equal(Document("broken-ref.yaml"), e.File));
        Assert.Equal("#/paths/~1things/get/responses/200/content/application~1json/schema: The $ref '#/components/schemas/Thing' does not resolve: there is no schema 'Thing' under #/components/schemas.", errors[0].Message);
        Assert.StartsWith("#/paths/~1things/post/parameters/0: The parameter 'tag' has neither a schema nor JSON content.", errors[1].Message);
        Assert.False(File.Exists(Path.Combine(_folder, "broken.mcp-openapi.json")), "A document with problems was described for the generator.");
    }

    [Fact]
    public void A_document_that_is_not_yaml_is_an_error_of_its_own_code()
    {
        var path = Path.Combine(_folder, "garbage.yaml");
        File.WriteAllText(path, "openapi: 3.0.3\ninfo: [unclosed\n");

        Assert.False(Check(Resolved(path, "garbage")).Execute());

        var error = Assert.Single(_engine.Errors);
        Assert.Contains(error.Code, new[] { "MCPB110", "MCPB111" });
        Assert.Equal(path, error.File);
        Assert.StartsWith("#", error.Message);
    }

    [Fact]
    public void Operations_are_described_for_the_generator_with_overrides_scopes_and_the_document_hash()
    {
        var settings = Path.Combine(_folder, "appsettings.json");
        File.WriteAllText(settings, """
            {
              // As the server reads it: comments allowed, keys ignore case.
              "mcpplatform": { "OpenApi": { "Apis": { "shop": { "Access": {
                "Operations": { "searchOrders": "read" },
                "Tags": { "orders": "Write" }
              } } } } }
            }
            """);
        var task = Check(Resolved(Document("shop-v1.yaml"), "shop"));
        task.AppSettingsPath = settings;

        Assert.True(task.Execute(), string.Join("\n", _engine.Errors.Select(e => e.Message)));

        using var file = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(_folder, "shop.mcp-openapi.json")));
        var root = file.RootElement;
        Assert.Equal("shop", root.GetProperty("namespace").GetString());
        Assert.Equal(OperationsFile.DocumentHash(Document("shop-v1.yaml")), root.GetProperty("documentHash").GetString());
        var operations = root.GetProperty("operations").EnumerateArray().ToDictionary(o => o.GetProperty("name").GetString()!);
        Assert.Equal(["shop_archive_order", "shop_get_order", "shop_list_orders", "shop_search_orders"], operations.Keys.Order());

        // searchOrders by operationId wins over its tag; the other "orders" operations take the tag's class.
        Assert.Equal("read", operations["shop_search_orders"].GetProperty("access").GetString());
        Assert.Equal("write", operations["shop_get_order"].GetProperty("access").GetString());
        Assert.Equal(["orders:read", "orders:write"], operations["shop_archive_order"].GetProperty("scopes").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal(["orders:read"], operations["shop_list_orders"].GetProperty("scopes").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal("POST", operations["shop_archive_order"].GetProperty("method").GetString());
        Assert.Equal("/orders/{orderId}/archive", operations["shop_archive_order"].GetProperty("path").GetString());
        Assert.Equal("archiveOrder", operations["shop_archive_order"].GetProperty("operationId").GetString());
        Assert.Equal("object", operations["shop_list_orders"].GetProperty("outputSchema").GetProperty("type").GetString());
        Assert.False(operations["shop_archive_order"].TryGetProperty("outputSchema", out _), "A 204 response got an output schema.");
    }

    [Fact]
    public void The_credentials_secret_name_from_appsettings_is_described_for_the_manifest()
    {
        var settings = Path.Combine(_folder, "appsettings.json");
        File.WriteAllText(settings, """
            { "McpPlatform": { "OpenApi": { "Apis": {
              "shop": { "BaseUrl": "https://shop.example/", "Credential": { "Kind": "ApiKey", "Secret": "shop-api-key", "Name": "X-API-Key" } },
              "other": { "Credential": { "Kind": "None", "Secret": "unused" } } } } } }
            """);
        var task = Check(Resolved(Document("shop-v1.yaml"), "shop"), Resolved(Document("shop-v2.yaml"), "other"));
        task.AppSettingsPath = settings;

        Assert.True(task.Execute(), string.Join("\n", _engine.Errors.Select(e => e.Message)));

        using var shop = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(_folder, "shop.mcp-openapi.json")));
        using var other = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(_folder, "other.mcp-openapi.json")));
        Assert.Equal("shop-api-key", shop.RootElement.GetProperty("secret").GetString());
        Assert.False(other.RootElement.TryGetProperty("secret", out _), "Kind None declares no secret.");
    }

    [Fact]
    public void An_unchanged_description_is_not_rewritten()
    {
        Assert.True(Check(Resolved(Document("shop-v1.yaml"), "shop")).Execute());
        var path = Path.Combine(_folder, "shop.mcp-openapi.json");
        var earlier = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(path, earlier);

        Assert.True(Check(Resolved(Document("shop-v1.yaml"), "shop")).Execute());

        Assert.Equal(earlier, File.GetLastWriteTimeUtc(path));
    }

    [Fact]
    public void An_override_that_is_no_access_class_or_names_nothing_is_an_error_in_appsettings()
    {
        var settings = Path.Combine(_folder, "appsettings.json");
        File.WriteAllText(settings, """{ "McpPlatform": { "OpenApi": { "Apis": { "shop": { "Access": { "Operations": { "listOrders": "Admin" } } } } } } }""");
        var task = Check(Resolved(Document("shop-v1.yaml"), "shop"));
        task.AppSettingsPath = settings;

        Assert.False(task.Execute());
        var invalid = Assert.Single(_engine.Errors);
        Assert.Equal("MCPB120", invalid.Code);
        Assert.Equal(settings, invalid.File);
        Assert.Contains("McpPlatform:OpenApi:Apis:shop:Access:Operations:listOrders: expected Read, Write or Destructive, found 'Admin'", invalid.Message);

        _engine.Errors.Clear();
        File.WriteAllText(settings, """{ "McpPlatform": { "OpenApi": { "Apis": { "shop": { "Access": { "Operations": { "listOrder": "Read" }, "Tags": { "admin": "Destructive" } } } } } } }""");
        Assert.False(task.Execute());
        Assert.Equal(["MCPB121", "MCPB121"], _engine.Errors.Select(e => e.Code));
        Assert.Contains("McpPlatform:OpenApi:Apis:shop:Access:Operations:listOrder: 'shop-v1.yaml' has no operation with operationId or name 'listOrder'", _engine.Errors[0].Message);
        Assert.Contains("Tags:admin: no operation of 'shop-v1.yaml' has the tag 'admin'", _engine.Errors[1].Message);
    }

    [Theory]
    [InlineData(OpenApiProblemKind.FileMissing, "MCPB104")]
    [InlineData(OpenApiProblemKind.Invalid, "MCPB110")]
    [InlineData(OpenApiProblemKind.Unreadable, "MCPB111")]
    [InlineData(OpenApiProblemKind.UnsupportedVersion, "MCPB112")]
    [InlineData(OpenApiProblemKind.UnresolvedReference, "MCPB113")]
    [InlineData(OpenApiProblemKind.UnsupportedReference, "MCPB114")]
    [InlineData(OpenApiProblemKind.ParameterWithoutSchema, "MCPB115")]
    [InlineData(OpenApiProblemKind.UnsupportedExtension, "MCPB116")]
    public void Each_sort_of_problem_has_its_own_code(OpenApiProblemKind kind, string code) => Assert.Equal(code, CheckMcpOpenApi.CodeOf(kind));

    private CheckMcpOpenApi Check(params ITaskItem[] documents) => new()
    {
        BuildEngine = _engine,
        Documents = documents,
        OutputDirectory = _folder,
    };

    private static ITaskItem Item(string path, string? apiNamespace = null)
    {
        var item = new TaskItem(path);
        if (apiNamespace is not null)
        {
            item.SetMetadata("Namespace", apiNamespace);
        }

        return item;
    }

    private static ITaskItem Resolved(string path, string apiNamespace)
    {
        var item = new TaskItem(path);
        item.SetMetadata("Namespace", apiNamespace);
        return item;
    }
}
