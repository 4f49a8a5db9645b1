using System.Text;
using McpPlatform.Build;
using McpPlatform.OpenApi;

namespace McpPlatform.Generators.Tests.Harness;

/// <summary>
/// Feeds the generator an OpenAPI document the way the build does: read with OpenApiOperationCatalog (access overrides
/// from an appsettings.json, as CheckMcpOpenApi reads them) and described by the build's OperationsFile as the
/// additional file <c>&lt;namespace&gt;.mcp-openapi.json</c>.
/// </summary>
internal static class OpenApiInputs
{
    public static string DocumentPath(string file) => Path.Combine(AppContext.BaseDirectory, "OpenApi", file);

    /// <summary>These inputs plus the description of <paramref name="file"/> under <paramref name="apiNamespace"/>.</summary>
    public static GeneratorInputs WithOpenApi(this GeneratorInputs inputs, string apiNamespace, string file, string? appSettings = null)
    {
        var overrides = OpenApiAccessOverrides.None;
        string? secret = null;
        if (appSettings is not null)
        {
            var path = Path.Combine(Path.GetTempPath(), $"appsettings-{Guid.NewGuid():N}.json");
            File.WriteAllText(path, appSettings);
            try
            {
                overrides = OpenApiAccessSettings.ReadFile(path, apiNamespace);
                secret = OpenApiAccessSettings.ReadCredentialSecretFile(path, apiNamespace);
            }
            finally
            {
                File.Delete(path);
            }

            inputs = inputs.WithAppSettings(appSettings);
        }

        var document = DocumentPath(file);
        var text = Encoding.UTF8.GetString(OperationsFile.Write(apiNamespace, OperationsFile.DocumentHash(document), OpenApiOperationCatalog.Load(document, overrides), secret));
        return inputs with
        {
            AdditionalFiles = inputs.AdditionalFiles.Add(new GeneratorInputs.InMemoryAdditionalText($"/project/obj/mcp-openapi/{apiNamespace}{OperationsFile.Suffix}", text)),
        };
    }

    /// <summary>The descriptors a server builds from the document at start-up (what the runtime serves).</summary>
    public static IReadOnlyList<McpPlatform.Governance.Tools.McpToolDescriptor> Served(string apiNamespace, string file, OpenApiAccessOverrides? overrides = null) =>
        [.. OpenApiOperationCatalog.Load(DocumentPath(file), overrides).Select(o => o.ToDescriptor(apiNamespace))];
}
