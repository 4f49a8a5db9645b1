namespace McpPlatform;

/// <summary>
/// Exposes a method as an MCP resource: a fixed URI (<c>docs://handbook</c>) or a URI template
/// (<c>tickets://{id}</c>, RFC 6570 level 1, each variable bound to a string parameter of the
/// same name). The source generator emits the resource's registration and read code at compile
/// time; nothing is discovered by reflection at run time.
/// </summary>
/// <remarks>
/// The method returns <see cref="string"/> (text contents), <c>byte[]</c> or
/// <c>ReadOnlyMemory&lt;byte&gt;</c> (binary contents, sent base64-encoded as a blob), or the
/// SDK's <c>ResourceContents</c>, a collection of them, or <c>ReadResourceResult</c>; optionally
/// wrapped in <c>Task</c> or <c>ValueTask</c>. Resources are Read access: policy, data-loss rules
/// and the audit log apply to every read.
/// </remarks>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class McpResourceAttribute : Attribute
{
    /// <summary>Creates the attribute for a fixed URI or a URI template.</summary>
    /// <param name="uri">An absolute URI, or a URI template with <c>{variable}</c> parts.</param>
    public McpResourceAttribute(string uri) => Uri = uri;

    /// <summary>The resource URI or URI template.</summary>
    public string Uri { get; }

    /// <summary>The resource name; snake_case of the method name when not given.</summary>
    public string? Name { get; set; }

    /// <summary>A human-readable title shown by clients.</summary>
    public string? Title { get; set; }

    /// <summary>What the resource holds; falls back to the method's XML doc summary.</summary>
    public string? Description { get; set; }

    /// <summary>The MIME type of the contents; <c>text/plain</c> for text and
    /// <c>application/octet-stream</c> for binary contents when not given.</summary>
    public string? MimeType { get; set; }
}
