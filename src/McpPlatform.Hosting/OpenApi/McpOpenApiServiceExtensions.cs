using McpPlatform.Hosting.OpenApi;
using McpPlatform.OpenApi;
using McpPlatform.OpenApi.Runtime;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// <c>builder.AddMcpOpenApi("petstore", "api/petstore.yaml")</c>: every operation of an OpenAPI document as a governed
/// tool <c>petstore_&lt;operation&gt;</c>, called host-side at <c>McpPlatform:OpenApi:Apis:petstore:BaseUrl</c>
/// (docs/openapi.md). Documents declared in the project file are added by <c>AddMcpPlatform</c> itself.
/// </summary>
public static class McpOpenApiServiceExtensions
{
    /// <summary>
    /// Adds the operations of the document at <paramref name="documentPath"/> (relative to the content root) under
    /// <paramref name="apiNamespace"/>, before or after <c>AddMcpPlatform</c>. The document is read now: a document that
    /// cannot be used throws <see cref="OpenApiDocumentException"/> with every problem; a missing or unsafe base URL fails
    /// start-up naming the setting.
    /// </summary>
    /// <param name="builder">The application builder.</param>
    /// <param name="apiNamespace">The API's namespace: <c>[a-z][a-z0-9_]</c>, the tool names' prefix and the settings' key.</param>
    /// <param name="documentPath">The OpenAPI 3.0/3.1 document (<c>.json</c>, <c>.yaml</c>, <c>.yml</c>).</param>
    /// <param name="configure">Settings applied after <c>McpPlatform:OpenApi:Apis:&lt;namespace&gt;</c> is bound.</param>
    public static IHostApplicationBuilder AddMcpOpenApi(
        this IHostApplicationBuilder builder, string apiNamespace, string documentPath, Action<OpenApiApiOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(apiNamespace);
        ArgumentException.ThrowIfNullOrEmpty(documentPath);
        var fullPath = Path.GetFullPath(documentPath, builder.Environment.ContentRootPath);
        var tools = OpenApiCatalogs.Register(builder.Services, builder.Configuration, apiNamespace, fullPath, configure);
        OpenApiCatalogs.Add(builder.Services, tools, declared: false);
        return builder;
    }

    /// <summary>
    /// Adds every document <paramref name="assembly"/> declared at build time (<c>&lt;McpOpenApi Include="…" Namespace="…" /&gt;</c>).
    /// <c>AddMcpPlatform</c> does this by itself for the entry assembly and the assembly of the generated tools; call it
    /// for another assembly whose documents the server should serve. A declared document whose
    /// <c>McpPlatform:OpenApi:Apis:&lt;namespace&gt;:BaseUrl</c> is missing fails start-up naming the setting.
    /// </summary>
    public static IHostApplicationBuilder AddMcpOpenApiDeclarations(this IHostApplicationBuilder builder, System.Reflection.Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(assembly);
        OpenApiCatalogs.AddDeclared(builder.Services, builder.Configuration, assembly);
        return builder;
    }
}
