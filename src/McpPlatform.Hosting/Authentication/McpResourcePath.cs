namespace McpPlatform.Hosting.Authentication;

/// <summary>
/// Endpoint metadata on every governed MCP endpoint: the path its canonical resource URI ends in. The main endpoint's is
/// <c>McpPlatform:Path</c>; a portal audience's is the audience's <c>Path</c>, so a client that connects to
/// <c>/finance/mcp</c> finds metadata, audience and challenges for that URL (RFC 9728 requires the metadata's
/// <c>resource</c> to be the URL the client asked about).
/// </summary>
internal sealed record McpResourcePath(string Path);
