namespace McpPlatform.OpenApi;

/// <summary>
/// Access classes a reviewer sets where the HTTP method says the wrong thing (a POST that only searches, a GET
/// with side effects). An operation's own entry wins over its tags'; among tags, the operation's first listed tag
/// with an entry wins. Keys match case-sensitively, as OpenAPI names do.
/// </summary>
public sealed record OpenApiAccessOverrides
{
    /// <summary>No overrides: every operation gets the class its HTTP method implies.</summary>
    public static OpenApiAccessOverrides None { get; } = new();

    /// <summary>Access class by operationId (as written in the document) or by the operation's tool name.</summary>
    public IReadOnlyDictionary<string, ToolAccess> ByOperation { get; init; } = new Dictionary<string, ToolAccess>();

    /// <summary>Access class by tag.</summary>
    public IReadOnlyDictionary<string, ToolAccess> ByTag { get; init; } = new Dictionary<string, ToolAccess>();
}
