using System.Security.Cryptography;
using McpPlatform.Hosting.OpenApi;
using McpPlatform.Portal.Configuration;
using McpPlatform.Portal.Manifest;
using Microsoft.Extensions.Hosting;

namespace McpPlatform.Portal.Tools;

/// <summary>
/// The tools of the portal's OpenAPI upstreams: the operations each entry's <see cref="OpenApiUpstreamOptions.AllowedTools"/>
/// offers, as the same <see cref="OpenApiMcpTool"/> a server registers (one invoker, one gate), in the portal's catalog
/// beside the MCP upstreams' tools, so policy, audiences, data rules, limits and audit treat them alike.
/// </summary>
internal static class OpenApiUpstreams
{
    /// <summary>
    /// Reads every OpenAPI upstream's document and registers its API; a bad entry or document fails start-up naming it.
    /// Returns the operations <c>AllowedTools</c> offers, each with its document's hash, for the portal manifest to pin.
    /// </summary>
    public static IReadOnlyList<LiveOpenApiOperation> Operations(IHostApplicationBuilder builder, PortalOptions portal)
    {
        var tools = new List<LiveOpenApiOperation>();
        foreach (var (space, upstream) in portal.OpenApiUpstreams.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var at = $"{PortalOptions.SectionName}:OpenApiUpstreams:{space}";
            if (portal.Upstreams.ContainsKey(space))
            {
                throw new InvalidOperationException($"{at}: the namespace '{space}' is also an MCP upstream (McpPlatform:Portal:Upstreams); each upstream needs its own namespace.");
            }

            if (string.IsNullOrWhiteSpace(upstream.Document))
            {
                throw new InvalidOperationException($"{at}:Document is required: the OpenAPI document of the API, relative to the content root.");
            }

            var document = Path.GetFullPath(upstream.Document, builder.Environment.ContentRootPath);
            if (upstream.CallsPerMinute < 0)
            {
                throw new InvalidOperationException($"{at}:CallsPerMinute must be 0 (no limit) or more.");
            }

            var operations = OpenApiCatalogs.Register(builder.Services, builder.Configuration, space, document, configure: null);

            // The hash of the bytes the operations were read from, as a built server's manifest records its documents'.
            var documentHash = "sha256:" + Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(document)));
            tools.AddRange(operations
                .Where(tool => upstream.AllowedTools.Any(allowed => allowed == "*" || allowed == tool.Operation.Name))
                .Select(tool => new LiveOpenApiOperation(tool, documentHash)));
        }

        return tools;
    }
}
