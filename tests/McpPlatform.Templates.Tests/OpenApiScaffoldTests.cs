using System.Runtime.Loader;
using McpPlatform.Governance.Manifest;
using McpPlatform.OpenApi;

namespace McpPlatform.Templates.Tests;

/// <summary>
/// <c>dotnet new mcp-governed --openapi apis/shop.yaml</c>: the scaffold declares the document, the packed build
/// tasks (loaded by the SDK's MSBuild from McpPlatform.Hosting's tasks/ folder) check it, the generator lists its
/// operations in mcp-manifest.json and the document ships as openapi/shop.yaml, recorded in the assembly; a
/// malformed document fails <c>dotnet build</c> naming the file and the JSON pointer.
/// </summary>
[Collection(ScaffoldCollection.Name)]
public sealed class OpenApiScaffoldTests(ScaffoldFixture scaffold)
{
    private const string ProjectName = "Acme.Shop";

    private static string Document(string name) => Path.Combine(AppContext.BaseDirectory, "OpenApi", name);

    [Fact]
    public async Task Scaffold_with_a_document_builds_it_into_the_manifest_and_the_output()
    {
        var directory = await ScaffoldAsync("openapi-valid", "shop-v1.yaml");
        Assert.Contains("<McpOpenApi Include=\"apis/shop.yaml\" Namespace=\"shop\" />", await File.ReadAllTextAsync(Path.Combine(directory, ProjectName + ".csproj")));
        Assert.Matches("\"shop\": \\{\\s+// The API the shop_\\* tools call[^\\n]*\\n\\s+\"BaseUrl\": \"\"", await File.ReadAllTextAsync(Path.Combine(directory, "appsettings.json")));

        await scaffold.DotnetAsync(directory, "build", ProjectName + ".csproj", "--nologo");

        var manifest = ManifestDocument.Load(Path.Combine(directory, ManifestFiles.ManifestFileName));
        var operations = manifest.Tools.Where(t => t.OpenApi is not null).ToList();
        Assert.Equal(["shop_archive_order", "shop_get_order", "shop_list_orders", "shop_search_orders"], operations.Select(t => t.Name));
        Assert.Equal(["create_issue", "get_issue", "search_issues", "snippet_issue_digest"], manifest.Tools.Where(t => t.OpenApi is null).Select(t => t.Name));
        var archive = manifest.FindTool("shop_archive_order")!;
        Assert.Equal((ToolAccess.Write, "POST", "/orders/{orderId}/archive"), (archive.Access, archive.OpenApi!.Method, archive.OpenApi.Path));
        Assert.Contains("orders:write", archive.RequiredScopes);

        var output = Path.Combine(directory, "bin", "Debug", "net10.0");
        Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(directory, "apis", "shop.yaml")), await File.ReadAllBytesAsync(Path.Combine(output, "openapi", "shop.yaml")));
        Assert.False(Directory.Exists(Path.Combine(output, "apis")), "The declared document was also copied under its own path.");
        var context = new AssemblyLoadContext("scaffold", isCollectible: true);
        try
        {
            var assembly = context.LoadFromAssemblyPath(Path.Combine(output, ProjectName + ".dll"));
            Assert.Equal([new OpenApiDeclaration("shop", Path.Combine(output, "openapi", "shop.yaml"))], OpenApiDeclarations.FromAssembly(assembly, output));
        }
        finally
        {
            context.Unload();
        }

        // Unchanged document: the check is skipped as up to date. A new version: checked again and listed
        // (the target touches its stamp only when it runs).
        var stamp = Path.Combine(directory, "obj", "Debug", "net10.0", "mcp-openapi", "checked.stamp");
        var checkedAt = File.GetLastWriteTimeUtc(stamp);
        await scaffold.DotnetAsync(directory, "build", ProjectName + ".csproj", "--nologo");
        Assert.Equal(checkedAt, File.GetLastWriteTimeUtc(stamp));
        // Written as an editor writes it (File.Copy would keep the source's older timestamp, which MSBuild treats as unchanged).
        await File.WriteAllBytesAsync(Path.Combine(directory, "apis", "shop.yaml"), await File.ReadAllBytesAsync(Document("shop-v2.yaml")));
        await scaffold.DotnetAsync(directory, "build", ProjectName + ".csproj", "--nologo");
        Assert.True(File.GetLastWriteTimeUtc(stamp) > checkedAt, "The changed document was not checked again.");
        var v2 = ManifestDocument.Load(Path.Combine(directory, ManifestFiles.ManifestFileName));
        Assert.Equal(ToolAccess.Destructive, v2.FindTool("shop_archive_order")!.Access);
        var diff = ManifestDiff.Compare(manifest, v2);
        Assert.Contains(diff.Changes, c => c.Kind == ManifestChangeKind.OpenApiChanged && c.Tool is null && c.Message.Contains("added 1 (\"shop_create_order\")", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_malformed_document_fails_the_build_naming_the_file_and_the_json_pointer()
    {
        var directory = await ScaffoldAsync("openapi-broken", "broken-ref.yaml");

        var build = await ChildProcess.RunAsync("dotnet", ["build", ProjectName + ".csproj", "--nologo"], directory, scaffold.Environment, TimeSpan.FromMinutes(5));

        Assert.NotEqual(0, build.ExitCode);
        var document = Path.Combine(directory, "apis", "shop.yaml");
        Assert.Contains($"{document} : error MCPB113: #/paths/~1things/get/responses/200/content/application~1json/schema: The $ref '#/components/schemas/Thing' does not resolve", build.Output);
        Assert.Contains($"{document} : error MCPB115: #/paths/~1things/post/parameters/0: The parameter 'tag' has neither a schema nor JSON content.", build.Output);
    }

    private async Task<string> ScaffoldAsync(string folder, string document)
    {
        var directory = Path.Combine(scaffold.WorkRoot, folder, ProjectName);
        await scaffold.InstantiateAsync(directory, ProjectName, TemplateOptions.Defaults with { OpenApi = "apis/shop.yaml" });
        Directory.CreateDirectory(Path.Combine(directory, "apis"));
        File.Copy(Document(document), Path.Combine(directory, "apis", "shop.yaml"));
        return directory;
    }
}
