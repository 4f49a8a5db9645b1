namespace McpPlatform.Governance.Tools;

/// <summary>
/// The HTTP operation behind a tool whose origin is an OpenAPI document: what Code Mode's <c>search</c>
/// shows and matches besides the name and description (method, path template, tags), and what the
/// manifest records so a reviewer sees which endpoint a tool calls.
/// </summary>
/// <param name="Method">The HTTP method in upper case (<c>GET</c>, <c>POST</c> ...).</param>
/// <param name="Path">The path template as the document writes it (<c>/pets/{petId}</c>).</param>
/// <param name="Tags">The operation's tags, in document order.</param>
/// <param name="OperationId">The document's operationId, when it has one.</param>
public sealed record ToolHttpOperation(string Method, string Path, IReadOnlyList<string> Tags, string? OperationId);
