namespace McpPlatform.OpenApi;

/// <summary>One OpenAPI document a server project declared (<c>&lt;McpOpenApi Include="…" Namespace="…" /&gt;</c>), as the build shipped it.</summary>
/// <param name="Namespace">The namespace its operations are named under (<c>petstore</c> → <c>petstore_get_pet</c>).</param>
/// <param name="FullPath">Where the build copied the document: <c>openapi/&lt;namespace&gt;.&lt;ext&gt;</c> under the application's base directory.</param>
public sealed record OpenApiDeclaration(string Namespace, string FullPath);
