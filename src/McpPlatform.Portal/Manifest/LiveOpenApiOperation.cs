using McpPlatform.Governance.Tools;
using McpPlatform.Hosting.OpenApi;

namespace McpPlatform.Portal.Manifest;

/// <summary>
/// One operation of an OpenAPI upstream's document as the portal read it at start-up (an operation its
/// <c>AllowedTools</c> offers), with the SHA-256 of the document it came from: what the portal manifest pins for it.
/// </summary>
/// <param name="Tool">The governed tool the operation is served as.</param>
/// <param name="DocumentHash"><c>sha256:</c> + hex SHA-256 of the document's bytes, as a built server's manifest records it.</param>
internal sealed record LiveOpenApiOperation(OpenApiMcpTool Tool, string DocumentHash)
{
    /// <summary>The upstream's namespace.</summary>
    public string Namespace => Tool.Namespace;

    /// <summary>The descriptor the gate governs (name, description, schemas, access, scopes, secrets, HTTP operation).</summary>
    public McpToolDescriptor Descriptor => Tool.Descriptor;
}
