using McpPlatform.Governance.Resources;
using ModelContextProtocol.Protocol;

namespace McpPlatform.Hosting.Resources;

/// <summary>Turns what a resource method returns into a resources/read result; generated code picks the overload.</summary>
public static class ResourceResults
{
    private const string DefaultTextMimeType = "text/plain";
    private const string DefaultBinaryMimeType = "application/octet-stream";

    /// <summary>Text contents at the read URI.</summary>
    public static ReadResourceResult From(ResourceRead read, string? text) =>
        Single(new TextResourceContents { Uri = read.Uri, MimeType = read.Resource.MimeType ?? DefaultTextMimeType, Text = text ?? "" });

    /// <summary>Binary contents at the read URI, sent base64-encoded.</summary>
    public static ReadResourceResult From(ResourceRead read, byte[]? bytes) => From(read, new ReadOnlyMemory<byte>(bytes ?? []));

    /// <summary>Binary contents at the read URI, sent base64-encoded.</summary>
    public static ReadResourceResult From(ResourceRead read, ReadOnlyMemory<byte> bytes) =>
        Single(BlobResourceContents.FromBytes(bytes, read.Uri, read.Resource.MimeType ?? DefaultBinaryMimeType));

    /// <summary>One contents item as returned.</summary>
    public static ReadResourceResult From(ResourceRead read, ResourceContents? contents) =>
        contents is null ? From(read, (string?)null) : Single(contents);

    /// <summary>Several contents items as returned (a resource may hold several, e.g. a directory).</summary>
    public static ReadResourceResult From(ResourceRead read, IEnumerable<ResourceContents>? contents) =>
        new() { Contents = [.. contents ?? []] };

    /// <summary>The result as returned.</summary>
    public static ReadResourceResult From(ResourceRead read, ReadResourceResult? result) =>
        result ?? From(read, (string?)null);

    private static ReadResourceResult Single(ResourceContents contents) => new() { Contents = [contents] };
}
