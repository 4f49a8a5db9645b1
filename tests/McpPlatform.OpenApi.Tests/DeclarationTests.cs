using System.Reflection;

[assembly: AssemblyMetadata(McpPlatform.OpenApi.OpenApiDeclarations.MetadataKey, "petstore=openapi/petstore.json")]
[assembly: AssemblyMetadata(McpPlatform.OpenApi.OpenApiDeclarations.MetadataKey, "github=openapi/github.yaml")]
[assembly: AssemblyMetadata("McpPlatform.Manifest", "{}")]

namespace McpPlatform.OpenApi.Tests;

/// <summary>
/// The contract between the build and the runtime: the build records each declared document as
/// [assembly: AssemblyMetadata("McpPlatform.OpenApi", "&lt;namespace&gt;=&lt;relative path&gt;")] and the runtime reads them back.
/// </summary>
public sealed class DeclarationTests
{
    private static readonly string Base = Path.Combine(Path.GetTempPath(), "server-output");

    [Fact]
    public void Declarations_compiled_into_an_assembly_are_read_back_sorted_with_full_paths()
    {
        var declarations = OpenApiDeclarations.FromAssembly(typeof(DeclarationTests).Assembly, Base);

        Assert.Equal(
            [new OpenApiDeclaration("github", Path.Combine(Base, "openapi", "github.yaml")), new OpenApiDeclaration("petstore", Path.Combine(Base, "openapi", "petstore.json"))],
            declarations);
    }

    [Fact]
    public void Paths_resolve_against_the_application_base_directory_by_default()
    {
        var declaration = OpenApiDeclarations.FromAssembly(typeof(DeclarationTests).Assembly).First(d => d.Namespace == "petstore");

        Assert.Equal(Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "openapi", "petstore.json")), declaration.FullPath);
    }

    [Fact]
    public void An_assembly_without_declarations_has_none()
    {
        Assert.Empty(OpenApiDeclarations.FromAssembly(typeof(OpenApiOperationCatalog).Assembly));
    }

    [Theory]
    [InlineData("petstore", "expected '<namespace>=<relative path>'")]
    [InlineData("Pet-Store=openapi/p.json", "expected '<namespace>=<relative path>'")]
    [InlineData("petstore=", "expected '<namespace>=<relative path>'")]
    [InlineData("petstore=../secrets/p.json", "leaves the application's base directory")]
    [InlineData("petstore=/etc/passwd", "must be relative")]
    public void A_malformed_declaration_is_refused_with_the_value_and_the_reason(string value, string reason)
    {
        var refused = Assert.Throws<InvalidOperationException>(() => OpenApiDeclarations.Parse([value], Base, "Acme.Server"));

        Assert.Contains(reason, refused.Message, StringComparison.Ordinal);
        Assert.Contains($"\"{value}\"", refused.Message, StringComparison.Ordinal);
        Assert.StartsWith("Acme.Server:", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_namespace_declared_twice_is_refused()
    {
        var refused = Assert.Throws<InvalidOperationException>(() => OpenApiDeclarations.Parse(["pets=openapi/pets.json", "pets=openapi/pets.yaml"], Base, "Acme.Server"));

        Assert.Contains("the namespace 'pets' is declared twice", refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("apis/petstore.yaml", "petstore")]
    [InlineData("apis/Pet-Store.v2.json", "pet_store_v2")]
    [InlineData("3d-printers.yml", "api_3d_printers")]
    [InlineData("--.yaml", "")]
    public void The_default_namespace_is_the_file_name_over_a_to_z_digits_and_underscore(string path, string expected)
    {
        Assert.Equal(expected, OpenApiNamespaces.FromFileName(path));
        Assert.Equal(expected.Length > 0, OpenApiNamespaces.IsValid(expected));
    }
}
