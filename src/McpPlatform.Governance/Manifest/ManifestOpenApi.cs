namespace McpPlatform.Governance.Manifest;

/// <summary>
/// A tool's <c>openapi</c> section: the tool is an operation of an OpenAPI document the server project declared
/// (<c>&lt;McpOpenApi Include="…" Namespace="…" /&gt;</c>), and the manifest pins the operation and the document it was
/// read from. Absent for every other tool, so their manifests keep their content and hash.
/// </summary>
/// <param name="Namespace">The document's namespace (its tools are named <c>{namespace}_{operation}</c>).</param>
/// <param name="Method">The HTTP method, upper case.</param>
/// <param name="Path">The path template as the document writes it.</param>
/// <param name="OperationId">The operationId, when the document gives one.</param>
/// <param name="Scopes">The OAuth scopes the operation's security requirements demand (also in <c>requiredScopes</c>), sorted.</param>
/// <param name="DocumentHash"><c>sha256:</c> + hex SHA-256 of the document's bytes as the build read and shipped them.</param>
public sealed record ManifestOpenApi(string Namespace, string Method, string Path, string? OperationId, IReadOnlyList<string> Scopes, string DocumentHash)
{
    /// <summary>The member name of the section in a manifest tool.</summary>
    public const string MemberName = "openapi";

    internal static readonly string[] Members = ["namespace", "method", "path", "operationId", "scopes", "documentHash"];

    /// <summary>How people read it: <c>GET /pets/{petId} of openapi "petstore"</c> (quoted safely for a terminal).</summary>
    public override string ToString() => $"{DisplayText.Quote(Method + " " + Path)} of openapi {DisplayText.Quote(Namespace)}";
}
