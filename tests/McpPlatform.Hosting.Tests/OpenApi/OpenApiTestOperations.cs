using System.Text.Json;
using System.Text.Json.Nodes;
using McpPlatform.Governance.Tools;
using McpPlatform.Hosting.Tools;
using McpPlatform.OpenApi;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace McpPlatform.Hosting.Tests.OpenApi;

/// <summary>
/// OpenAPI operations as tools for the surface and search tests: the real descriptors (from a real document through
/// <see cref="OpenApiOperationCatalog"/>), with an invoker that answers with what it was asked instead of calling
/// an API, so these tests are about listing, searching and routing, not HTTP (oa-runtime's tool does the calls).
/// </summary>
internal static class OpenApiTestOperations
{
    /// <summary>GitHub's published description (npm @octokit/openapi in eng/node), found from the test output folder.</summary>
    public static string GitHubDocumentPath { get; } = FindUp(Path.Combine("eng", "node", "node_modules", "@octokit", "openapi", "generated", "api.github.com.json"));

    private static readonly Lazy<IReadOnlyList<ApiOperation>> GitHubOperations = new(() => OpenApiOperationCatalog.Load(GitHubDocumentPath));

    /// <summary>Every operation of GitHub's REST API, loaded once per test run.</summary>
    public static IReadOnlyList<ApiOperation> GitHub => GitHubOperations.Value;

    /// <summary>The operations of <paramref name="operations"/> as tools under <paramref name="apiNamespace"/>.</summary>
    public static IReadOnlyList<GovernedMcpTool> Tools(IEnumerable<ApiOperation> operations, string apiNamespace) =>
        [.. operations.Select(o => new EchoOperationTool(o.ToDescriptor(apiNamespace)))];

    /// <summary>A petstore-like document written here: a few operations, read and write.</summary>
    public static IReadOnlyList<ApiOperation> Petstore { get; } = LoadText("""
        {"openapi":"3.0.3","info":{"title":"Pets","version":"1"},"paths":{
          "/pets":{"get":{"operationId":"listPets","summary":"List pets","tags":["pets"],"responses":{"200":{"description":"ok"}}},
                   "post":{"operationId":"createPet","summary":"Create a pet","tags":["pets"],"requestBody":{"content":{"application/json":{"schema":{"type":"object","properties":{"name":{"type":"string"}}}}}},"responses":{"201":{"description":"ok"}}}},
          "/pets/{id}":{"get":{"operationId":"getPet","summary":"Get a pet","tags":["pets"],"parameters":[{"name":"id","in":"path","required":true,"schema":{"type":"string"}}],"responses":{"200":{"description":"ok"}}}}}}
        """);

    internal static IReadOnlyList<ApiOperation> LoadText(string json)
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("mcpplatform-openapi-").FullName, "pets.json");
        File.WriteAllText(file, json);
        return OpenApiOperationCatalog.Load(file);
    }

    private static string FindUp(string relative)
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, relative);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"{relative} is not above {AppContext.BaseDirectory}: run npm ci in eng/node.");
    }

    /// <summary>Answers <c>{ operation, method, path, arguments }</c>: which operation the gate let through, with what.</summary>
    private sealed class EchoOperationTool(McpToolDescriptor descriptor) : GovernedMcpTool(descriptor)
    {
        public override ValueTask<CallToolResult> InvokeAsync(RequestContext<CallToolRequestParams> request, CancellationToken cancellationToken = default)
        {
            var echo = new JsonObject
            {
                ["operation"] = Descriptor.Name,
                ["method"] = Descriptor.Http!.Method,
                ["path"] = Descriptor.Http.Path,
                ["arguments"] = JsonSerializer.SerializeToNode(request.Params?.Arguments ?? new Dictionary<string, JsonElement>()),
            };
            var text = echo.ToJsonString();
            return ValueTask.FromResult(new CallToolResult
            {
                Content = [new TextContentBlock { Text = text }],
                StructuredContent = JsonDocument.Parse(text).RootElement.Clone(),
            });
        }
    }
}
